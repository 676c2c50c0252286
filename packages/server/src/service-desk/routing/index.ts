export type { AgentLoadPort } from './agent-load-port';
export { canWorkCases } from './case-workers';
export {
  RoutingService,
  type CaseRoutingFacts,
  type RoutingDecision,
  type RoutingReason,
} from './routing-service';
export { RoutingSetupService, type AgentView } from './routing-setup-service';

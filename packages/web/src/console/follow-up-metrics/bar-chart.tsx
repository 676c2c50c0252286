import { useT } from '../../i18n/i18n-provider';

export interface Bar {
  /** A stable key for React. */
  id: string;
  label: string;
  /** null: nothing to measure for this group (drawn as an empty track, said as "no data"). */
  value: number | null;
  /** The value as people read it: "33 %", "5.5 h". */
  text: string;
}

const ROW = 46;
const BAR = 16;
const LABEL_CHARS = 30;

/** A name cut to fit a phone-width chart; the table beside the chart has it whole. */
function short(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/**
 * A horizontal bar chart as SVG (issue #6 point 6: metrics with charts). One row per
 * group: its name and value on a line, the bar below, against a track of the full scale.
 * Widths are percentages of the SVG's own width, so it fills any column without scaling
 * the text (which would make it unreadable on a phone). For assistive technology the
 * picture is one image whose label says every value; the numbers are also in the table
 * on the page, so nobody depends on reading the bars.
 */
export function BarChart({
  title,
  group,
  bars,
  max,
}: {
  title: string;
  /** What the bars are: "By program", "By team" (said with the title). */
  group: string;
  bars: readonly Bar[];
  /** The value a full bar stands for: 1 for shares; the largest value otherwise. */
  max: number;
}) {
  const t = useT();
  const values = bars
    .map((b) =>
      t('web.follow-up-metrics.chart.entry', {
        name: b.label,
        value: b.value === null ? t('web.follow-up-metrics.no-data') : b.text,
      }),
    )
    .join('; ');
  const height = bars.length * ROW;
  return (
    <figure className="fum-chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={t('web.follow-up-metrics.chart.label', { title, group, values })}
        width="100%"
        height={height}
        className="fum-bars"
      >
        {bars.map((b, i) => {
          const y = i * ROW;
          const share = b.value === null || max <= 0 ? 0 : Math.min(1, b.value / max);
          return (
            <g key={b.id}>
              <text x="0" y={y + 15} className="fum-bar-label">
                {short(b.label)}
              </text>
              <text x="100%" y={y + 15} textAnchor="end" className="fum-bar-value">
                {b.value === null ? '–' : b.text}
              </text>
              <rect x="0" y={y + 22} width="100%" height={BAR} rx="2" className="fum-track" />
              {share > 0 && (
                <rect
                  x="0"
                  y={y + 22}
                  width={`${(share * 100).toFixed(2)}%`}
                  height={BAR}
                  rx="2"
                  className="fum-bar"
                />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

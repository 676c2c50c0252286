import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How fast this host runs three fixed pieces of work, timed at the start and at the end of
 * a run. The same code measured on two hosts differed by 1.8–2× (docs/benchmarks.md of
 * 35e9e8c against the run before it), and a host's speed can drift within a 40-minute run;
 * with these figures beside a record, its misses can be told apart from the host's.
 * Each is the median of three runs, in milliseconds: lower is faster.
 */
export interface HostSpeed {
  /** One thread: JSON written and read back and SHA-256 over it, for 20,000 patient-like documents. */
  javascriptMs: number;
  /** SQLite in memory: 50,000 rows inserted with an index in one transaction, then read back by key. */
  sqliteMs: number;
  /** One durable commit: a one-row transaction on a file in WAL mode with synchronous=FULL, averaged over 100. */
  commitMs: number;
}

const DOCUMENTS = 20_000;
const ROWS = 50_000;
const COMMITS = 100;

/** The JavaScript work; returns a digest of what it computed, the same on every host. */
export function javascriptWork(): string {
  const hash = createHash('sha256');
  for (let i = 0; i < DOCUMENTS; i++) {
    const doc = {
      id: `p-${i}`,
      names: [{ given: ['Anna', `Maria ${i % 97}`], family: 'Bērziņa' }],
      birthDate: `19${10 + (i % 90)}-0${1 + (i % 9)}-1${i % 10}`,
      telecom: [{ system: 'phone', value: `+3712${String(i).padStart(7, '0')}`, rank: 1 }],
      identifiers: [{ system: 'urn:oid:2.16.840.1', value: `MRN${i}`, type: 'MR' }],
    };
    const text = JSON.stringify(doc);
    const back = JSON.parse(text) as typeof doc;
    hash.update(text).update(back.names[0]!.given[1]!);
  }
  return hash.digest('hex');
}

/** The SQLite work; returns the sum of the values it read back, the same on every host. */
export function sqliteWork(): number {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v INTEGER NOT NULL)');
    db.exec('CREATE INDEX t_k ON t (k)');
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(`key-${(i * 7919) % ROWS}`, i);
    })();
    const read = db.prepare<[string], { v: number }>('SELECT v FROM t WHERE k = ?');
    let sum = 0;
    for (let i = 0; i < ROWS; i++) sum += read.get(`key-${i}`)!.v;
    return sum;
  } finally {
    db.close();
  }
}

/** Milliseconds per durable one-row commit in `dir`. */
export function commitWork(dir: string): number {
  const where = mkdtempSync(join(dir, 'caredesk-host-speed-'));
  const db = new Database(join(where, 'commits.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE c (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO c (at) VALUES (?)');
    const started = performance.now();
    for (let i = 0; i < COMMITS; i++) insert.run(String(i));
    return (performance.now() - started) / COMMITS;
  } finally {
    db.close();
    rmSync(where, { recursive: true, force: true });
  }
}

function medianOf3(run: () => number): number {
  const times = [run(), run(), run()].sort((a, b) => a - b);
  return times[1]!;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Times the three pieces of work (about a second in all on a 2-core host). */
export function measureHostSpeed(dir: string = os.tmpdir()): HostSpeed {
  return {
    javascriptMs: medianOf3(() => timed(javascriptWork)),
    sqliteMs: medianOf3(() => timed(sqliteWork)),
    commitMs: medianOf3(() => commitWork(dir)),
  };
}

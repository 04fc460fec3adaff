// Types for scripts/neo4j-local.mjs, used by the test setup and the bench.
export class Neo4jLocalError extends Error {}
export function canRunLocalNeo4j(): boolean;
export function buildLauncher(options?: { quiet?: boolean }): string;
export function startLocalNeo4j(options?: { port?: number; dir?: string; password?: string; timeoutMs?: number }): Promise<{ pid: number; uri: string; alreadyRunning: boolean }>;
export function stopLocalNeo4j(options?: { dir?: string; timeoutMs?: number }): Promise<boolean>;
export function freePort(): Promise<number>;
export function firstError(logText: string): string | undefined;
export function importIntoLocalNeo4j(folder: string, options?: { dir?: string; port?: number; password?: string }): Promise<string[]>;

/**
 * The few web-platform globals shared/ relies on. They exist in both Node (>= 20) and every
 * browser, but shared/ compiles without DOM or Node types so nothing else sneaks in.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly href: string;
}

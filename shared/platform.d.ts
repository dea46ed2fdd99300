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

/* Text, base64 and WebCrypto, used by shared/sync (checksums and encrypted backups). */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}
declare function btoa(data: string): string;
declare function atob(data: string): string;

type BufferSource = ArrayBuffer | ArrayBufferView<ArrayBuffer>;
interface CryptoKey {
  readonly type: string;
}
type AlgorithmIdentifier = string | { name: string; [key: string]: unknown };
interface SubtleCrypto {
  digest(algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: BufferSource,
    algorithm: AlgorithmIdentifier,
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKey>;
  deriveKey(
    algorithm: AlgorithmIdentifier,
    baseKey: CryptoKey,
    derivedKeyType: AlgorithmIdentifier,
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CryptoKey>;
  encrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}
declare const crypto: {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
};

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed YAML file that can say where any path in it was written. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** `duplicateKey` is set when the error is a key written twice in one map. */
  readonly syntaxErrors: readonly { message: string; code: string; position: Position; duplicateKey?: string }[];
  positionOf(path: readonly PropertyKey[], key?: string): Position;
}

export function parseYaml(file: string, content: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const syntaxErrors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    code: e.code,
    position: at(e.pos[0]),
    ...(e.code === 'DUPLICATE_KEY' ? { duplicateKey: (/^[^:\n]*/.exec(content.slice(e.pos[0]))?.[0] ?? '').trim() } : {}),
  }));
  return {
    file,
    data: syntaxErrors.length ? undefined : doc.toJS(),
    syntaxErrors,
    positionOf(path, key) {
      // Walk down as far as the document goes, so a missing key points at its parent.
      let node: unknown = doc.contents;
      let offset = 0;
      const steps = key === undefined ? path : [...path, key];
      for (const step of steps) {
        const ranged = node as { range?: [number, number, number] } | null;
        if (ranged?.range) offset = ranged.range[0];
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
          if (!pair) return at(offset);
          if (step === key && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof step === 'number') {
          node = node.items[step];
        } else {
          return at(offset);
        }
      }
      const last = node as { range?: [number, number, number] } | null;
      return at(last?.range?.[0] ?? offset);
    },
  };
}

import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sharedAnswerJson, validatedOnce } from '../src/shared-answers.js';

const Row = z.object({ id: z.string(), nodes: z.record(z.string(), z.number().nullable()) });

async function validate(schema: ReturnType<typeof validatedOnce<typeof Row>>, value: unknown) {
  return schema['~standard'].validate(value);
}

describe('answers validated once', () => {
  it('parses an object once and hands back the same parsed object after that', async () => {
    const schema = validatedOnce(Row);
    const parse = vi.spyOn(Row, 'safeParse');
    const answer = { id: 'a', nodes: { composite: 4.5 }, extra: true };
    const first = await validate(schema, answer);
    const second = await validate(schema, answer);
    expect(parse).toHaveBeenCalledTimes(1);
    expect('value' in first && first.value).toEqual({ id: 'a', nodes: { composite: 4.5 } });
    expect('value' in second && second.value).toBe('value' in first && first.value);
    parse.mockRestore();
  });

  it('parses another object with the same content anew', async () => {
    const schema = validatedOnce(Row);
    const first = await validate(schema, { id: 'a', nodes: {} });
    const other = await validate(schema, { id: 'a', nodes: {} });
    expect('value' in other && other.value).not.toBe('value' in first && first.value);
  });

  it('freezes what it hands back, all the way down', async () => {
    const result = await validate(validatedOnce(Row), { id: 'a', nodes: { composite: 1 } });
    const parsed = 'value' in result ? (result.value as { nodes: Record<string, number> }) : null;
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed?.nodes)).toBe(true);
    expect(() => {
      if (parsed) parsed.nodes.composite = 9;
    }).toThrow(TypeError);
  });

  it('reports the issues of a value that does not fit, every time', async () => {
    const schema = validatedOnce(Row);
    const wrong = { id: 3, nodes: {} };
    for (let round = 0; round < 2; round += 1) {
      const result = await validate(schema, wrong);
      expect('issues' in result && result.issues?.map((issue) => issue.path)).toEqual([['id']]);
    }
  });

  it('serialises a parsed answer once, as JSON.stringify would, and nothing else', async () => {
    const result = await validate(validatedOnce(Row), { id: 'é"\u2028', nodes: { a: null } });
    const parsed = 'value' in result ? result.value : undefined;
    const stringify = vi.spyOn(JSON, 'stringify');
    const json = sharedAnswerJson(parsed);
    expect(sharedAnswerJson(parsed)).toBe(json);
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    expect(json).toBe(JSON.stringify(parsed));
    expect(sharedAnswerJson({ id: 'a', nodes: {} })).toBeUndefined();
    expect(sharedAnswerJson('text')).toBeUndefined();
    expect(sharedAnswerJson(null)).toBeUndefined();
  });
});

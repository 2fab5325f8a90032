import { z } from 'zod';
import { Policy } from './policy';

type JsonSchema = Record<string, unknown>;

/**
 * The policy file's JSON schema (input side: fields with defaults are optional). Maps keyed by
 * an enum (rules, word lists) are spelled out as properties, so editors complete their keys.
 */
export function policyJsonSchema(): string {
  const schema = spellOutEnumKeys(z.toJSONSchema(Policy, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  return JSON.stringify({ ...schema, title: 'Chat Review policy (.chatreview/policy.json)' }, null, 2) + '\n';
}

function spellOutEnumKeys(node: JsonSchema): JsonSchema {
  const names = (node.propertyNames as { enum?: string[] } | undefined)?.enum;
  const value = node.additionalProperties;
  let out: JsonSchema = node;
  if (names && value && typeof value === 'object') {
    const { propertyNames: _names, additionalProperties: _value, ...rest } = node;
    out = { ...rest, properties: Object.fromEntries(names.map((n) => [n, value])), additionalProperties: false };
  }
  if (out.properties) {
    const props = out.properties as Record<string, JsonSchema>;
    out = { ...out, properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, spellOutEnumKeys(v)])) };
  }
  return out;
}

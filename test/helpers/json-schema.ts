/**
 * A small JSON Schema validator for the keywords the OpenAPI document uses (type with null,
 * properties, required, items, enum, minimum/maximum, minItems/maxItems, additionalProperties,
 * allOf, local $ref): enough to check real answers against `components.schemas`, no dependency.
 */
type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Problems found, each with the JSON path where it is ("" when the value fits). */
export function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  const known = new Set(['type', 'properties', 'required', 'items', 'enum', 'minimum', 'maximum', 'minItems', 'maxItems', 'additionalProperties', 'allOf', '$ref', 'description', 'format', 'pattern']);
  for (const k of Object.keys(schema)) if (!known.has(k)) return [`${path}: the validator does not know the keyword "${k}"`];
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return validate(value, target as Schema, root, path);
  }
  const errors: string[] = [];
  for (const sub of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...validate(value, sub, root, path));
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const fits = types.includes(t) || (t === 'integer' && types.includes('number'));
    if (!fits) return [...errors, `${path}: ${t} where ${types.join(' or ')} was expected`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: ${value.length} items, at least ${schema.minItems} expected`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: ${value.length} items, at most ${schema.maxItems} expected`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`)));
  }
  if (t === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of (schema.required as string[] | undefined) ?? []) if (!(k in o)) errors.push(`${path}: missing "${k}"`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) errors.push(...validate(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errors.push(...validate(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
    }
  }
  return errors;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { spdx3SchemaErrors, spdx3SchemaErrorsWhole } from './validate-spdx3';

/**
 * Checking graph items class by class must give the verdict the whole official schema gives, on valid documents
 * and on each kind of fault: a wrong value, an unknown property, a missing required property, an unknown class,
 * an element that is not an object, a wrong @context.
 */
type Graph = { '@context': string; '@graph': Record<string, unknown>[] };
const load = (name: string): Graph => JSON.parse(readFileSync(join(fixturesDir, 'sbom', name), 'utf8')) as Graph;

/** The first element of a class: both documents have a package, a relationship and a creation info. */
const of = (doc: Graph, type: string) => doc['@graph'].find((element) => element.type === type)!;

const CASES: [string, (doc: Graph) => void][] = [
  ['unchanged', () => {}],
  ['a wrong enum value', (doc) => void (of(doc, 'software_Package').software_primaryPurpose = 'spaceship')],
  ['an unknown property', (doc) => void (of(doc, 'software_Package').colour = 'blue')],
  ['a missing required property', (doc) => void delete of(doc, 'Relationship').relationshipType],
  ['an unknown class', (doc) => void (of(doc, 'software_Package').type = 'software_Spaceship')],
  ['an element that is not an object', (doc) => void (doc['@graph'][1] = 'x' as never)],
  ['no type at all', (doc) => void delete of(doc, 'CreationInfo').type],
  ['another @context', (doc) => void (doc['@context'] = 'https://example.com/context')],
  ['a property at the top level', (doc) => void ((doc as Record<string, unknown>).extra = 1)],
];

describe.each(['hello.spdx-3.0.json', 'spec-examples/spdx-3.0.1-package_sbom.json'])('%s', (name) => {
  it.each(CASES)('%s: the same verdict as the whole schema', async (_label, change) => {
    const doc = load(name);
    change(doc);
    const [perClass, whole] = [await spdx3SchemaErrors(doc), await spdx3SchemaErrorsWhole(doc)];
    expect(perClass.length === 0).toBe(whole.length === 0);
    if (_label === 'unchanged') expect(perClass).toEqual([]);
    else expect(perClass.length).toBeGreaterThan(0);
  });
});

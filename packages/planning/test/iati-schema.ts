import { readFile } from 'node:fs/promises';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';

/** The official IATI 2.03 activity schema, from the fixtures beside the repository. */
const schemaFolder = new URL('../../../../shared/fixtures/iati-2.03/', import.meta.url);

const schemaFile = async (fileName: string) => ({
  fileName,
  contents: await readFile(new URL(fileName, schemaFolder), 'utf8'),
});

let schema: Promise<Awaited<ReturnType<typeof schemaFile>>[]> | undefined;

/**
 * Validates an IATI activity file against the 2.03 schema with libxml2's xmllint, compiled to
 * WebAssembly, so that no system binary is needed. The schema includes iati-common.xsd and
 * imports xml.xsd, which are handed to it beside the main file.
 */
export async function validateIatiActivities(xml: string): Promise<XMLValidationResult> {
  schema ??= Promise.all(
    ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map(schemaFile),
  );
  const [main, ...included] = await schema;
  if (!main) throw new Error('The IATI schema is missing');
  return validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [main],
    preload: included,
  });
}

/** `guarantor schema`: the JSON Schema of the plan format, for editors (`guarantor schema > plan.schema.json`). */
import { planJsonSchema } from '../../core/plan/index.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIo, write } from '../io.js';

export async function schemaCommand(io: CliIo): Promise<ExitCode> {
  await write(io.stdout, `${JSON.stringify(planSchemaDocument(), null, 2)}\n`);
  return ExitCode.ok;
}

/** planJsonSchema() with a title and description first, after `$schema`. */
export function planSchemaDocument(): Record<string, unknown> {
  const { $schema, ...rest } = planJsonSchema();
  return {
    ...($schema === undefined ? {} : { $schema }),
    title: 'Guarantor plan, format 1',
    description:
      'A plan of multinational security guarantees: actors, capabilities, pledges, scenarios, variants ' +
      'and settings (MODEL.md section 1). Validate with `guarantor validate PLAN`.',
    ...rest,
  };
}

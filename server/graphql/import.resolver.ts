import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { importPlan } from '../import/import-plan';
import type { Context } from './context';
import { ImportPlanInput, ImportPlanResult } from './types/import';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportPlanResult, {
    description:
      'Importa un documento di piano (formati noti) col rapporto di revisione; lo stesso file due volte non cambia nulla / Imports a plan document (seed formats) with its review report; the same file twice is idempotent',
  })
  async importPlan(
    @Arg('input', () => ImportPlanInput, { validate: false }) input: ImportPlanInput,
    @Ctx() ctx: Context,
  ): Promise<ImportPlanResult> {
    const result = await importPlan(ctx, {
      content: input.content,
      fileName: input.fileName,
      format: input.format,
      orgId: input.orgId,
      dryRun: input.dryRun,
      replace: input.replace,
    });
    const { review, counts: _rows, ...rest } = result;
    return {
      ...rest,
      review: { entries: review.entries.map((e) => ({ ...e, subject: e.subject ?? null })), counts: review.counts() },
    };
  }
}

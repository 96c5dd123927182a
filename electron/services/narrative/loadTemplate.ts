/** The 情况说明 template of a pack, loaded and checked with the pack (pack.json "narrative"). */
import { AppError } from '../../../shared/api/errors';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';

export function packNarrativeTemplate(pack: Pack): NarrativeTemplate {
  if (!pack.narrative) throw new AppError(`报表格式 ${pack.id} 没有情况说明模板`);
  return pack.narrative;
}

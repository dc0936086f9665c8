import type { Result } from '../../common/result';
import { fail } from '../../common/result';
import type { VulnDbInfo } from '../../core/report/types';
import type { FileRegistry } from '../../host/files';
import { importVulnDbBytes } from '../../host/vulndb-import';

/**
 * Imports a database the page uploaded through /api/upload (so the upload cap and the in-flight budget apply) into
 * the data folder the CLI uses. A browser can send a file but not a folder, and serve mode opens no dialogs.
 */
export async function importUploadedVulnDb(registry: FileRegistry, upload: string | null): Promise<Result<VulnDbInfo>> {
  if (upload === null)
    return fail(
      'UNSUPPORTED',
      'Serve mode cannot open a dialog: choose the zip with the Import button. A folder cannot be uploaded; ' +
        'import it with `gobinscope vulndb import FOLDER`.',
    );
  const taken = registry.request('vulndb-import', [{ kind: 'upload', id: upload }]);
  if (!taken.ok) return taken;
  const [input] = taken.value.inputs;
  try {
    if (input?.kind !== 'bytes')
      return fail('UNKNOWN_FILE', 'That upload is no longer available; choose the zip again.');
    return await importVulnDbBytes(input.bytes, input.name);
  } finally {
    taken.value.release?.();
  }
}

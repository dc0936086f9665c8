import type { InitialFile } from '../../common/dto';
import type { EventChannel, EventMap, InvokeArgs, InvokeChannel, InvokeResult } from '../../common/ipc';
import { fail, ok } from '../../common/result';
import type { FileRegistry } from '../../host/files';
import type { AnalysisService } from '../../host/service';
import type { VerificationService } from '../../host/verification';
import { TOOL } from '../../core/report/build';
import { vulnDbStatus } from '../../host/vulndb-import';
import { renderForDownload } from './exports';
import { importUploadedVulnDb } from './vulndb';

interface Deps {
  service: AnalysisService;
  registry: FileRegistry;
  initial: InitialFile[];
  emit: <E extends EventChannel>(channel: E, payload: EventMap[E]) => void;
  /** The vulnerability database the next analysis uses (--vulndb, else the imported one); null for none. */
  vulnDb?: () => string | null;
  verifier: VerificationService;
}

type Handlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> };

/** Serve mode's side of the contract: no native dialogs, no paths from the browser. */
export function createServeHandlers(deps: Deps) {
  const handlers: Handlers = {
    'app:info': async () => ({ name: TOOL.name, version: TOOL.version, transport: 'http' }),
    'analysis:run': async (jobId, sources) => {
      const request = deps.registry.request(jobId, sources);
      if (!request.ok) return request;
      return deps.service.run(request.value, {
        progress: (event) => deps.emit('analysis:progress', event),
        partial: (event) => deps.emit('analysis:partial', event),
      });
    },
    'analysis:cancel': async (jobId) =>
      deps.service.cancel(jobId) ? ok(undefined) : fail('NO_JOB', 'No such analysis is running.'),
    'files:initial': async () => ok(deps.initial),
    'files:pick': async () => fail('UNSUPPORTED', 'Use the browser file picker in serve mode.'),
    'recent:list': async () => ok([]),
    'export:file': async (kind, report, extras) => renderForDownload(kind, report, extras),
    'window:set-title': async () => ok(undefined),
    'secrets:reveal': async (jobId, path) => deps.service.reveal(jobId, path),
    'vulndb:status': async () => vulnDbStatus(deps.vulnDb?.() ?? null),
    'vulndb:import': async (upload) => importUploadedVulnDb(deps.registry, upload),
    'signature:verify': async (request) => deps.verifier.verify(request, deps.registry),
    'bytes:read': (jobId, place, offset, length) => deps.service.readBytes(jobId, place, offset, length),
  };
  return {
    handle<C extends InvokeChannel>(channel: C, args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      const handler = handlers[channel] as (...a: InvokeArgs<C>) => Promise<InvokeResult<C>>;
      return handler(...args);
    },
  };
}

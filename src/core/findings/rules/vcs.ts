import { buildSettings, evidenceAt, makeFinding, type Rule } from '../finding';
import { ALL_TEXT } from '../corpus';

export const vcsRule: Rule = {
  name: 'vcs',
  scans: ALL_TEXT,
  run(context) {
    const stamps = buildSettings(context).filter((s) => s.key === 'vcs' || s.key.startsWith('vcs.'));
    if (stamps.length === 0) return {};
    const evidence = stamps.map((s) =>
      evidenceAt(context, context.corpus.find(`${s.key}=${s.value}`), `${s.key}=${s.value}`, 'build setting'),
    );
    return {
      findings: [
        makeFinding(
          {
            id: 'leak.vcs',
            kind: 'leak',
            severity: 'info',
            title: 'Version-control stamp',
            description: 'The build recorded the source revision, commit time and whether the tree was modified.',
            remediation: 'Usually wanted for provenance; build with -buildvcs=false to leave it out.',
          },
          evidence,
        ),
      ],
    };
  },
};

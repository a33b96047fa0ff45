import type { ChatSessionState } from '../lib/chatState';
import type { InputDef, Strategy } from '../lib/types';
import { BUCKETS } from '../lib/types';
import { valueAt } from '../lib/catalog';
import { bucketLabel, strategyLabel } from '../lib/format';
import { InputField } from './InputField';

interface Props {
  state: ChatSessionState;
  defs: Map<string, InputDef>;
  onSet: (path: string, value: number) => void;
  onStrategy: (bucket: string, strategy: Strategy) => void;
  onEdit: (path: string) => void;
}

/** The catalog's inputs in its own order, or (without a catalog) the state's own keys. */
function operationPaths(state: ChatSessionState, defs: Map<string, InputDef>): string[] {
  if (defs.size) return [...defs.values()].filter((d) => !d.bucket).map((d) => d.path);
  return Object.keys(state.calc?.inputs ?? {}).filter((k) => typeof state.calc?.inputs[k] === 'number');
}

function bucketKeys(state: ChatSessionState, defs: Map<string, InputDef>): string[] {
  if (defs.size) return [...defs.values()].filter((d) => d.bucket === 'bucket1' && !d.values?.length).map((d) => d.key);
  return Object.keys(state.calc?.inputs.buckets?.bucket1 ?? {}).filter((k) => k !== 'strategy');
}

export function OperationInputs({ state, defs, onSet, onEdit }: Props) {
  const paths = operationPaths(state, defs);
  const groups: [string, string[]][] = [
    ['Operation', paths.filter((p) => !p.startsWith('ai'))],
    ['AI assumptions', paths.filter((p) => p.startsWith('ai'))],
  ];
  return (
    <>
      {groups.map(([title, list]) => (
        <section key={title} aria-labelledby={`grp-${title}`} className="rounded-lg border border-slate-200 bg-white p-3">
          <h2 id={`grp-${title}`} className="mb-2 text-sm font-semibold text-slate-800">{title}</h2>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-4">
            {list.map((p) => (
              <InputField
                key={p}
                path={p}
                def={defs.get(p)}
                value={valueAt(state.calc?.inputs, p) as number | undefined}
                version={state.calc?.version}
                highlightedAt={state.highlights[p]}
                rejection={state.rejections[p]}
                onCommit={onSet}
                onEdit={onEdit}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

export function BucketTable({ state, defs, onSet, onStrategy, onEdit }: Props) {
  const keys = bucketKeys(state, defs);
  const strategyDef = defs.get('buckets.bucket1.strategy');
  const strategies = (strategyDef?.values?.length ? strategyDef.values : ['HUMAN', 'AI_AUGMENTED', 'AI_FIRST']) as Strategy[];
  const headerDef = (k: string) => defs.get(`buckets.bucket1.${k}`);
  return (
    <section aria-labelledby="buckets-title" className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 id="buckets-title" className="mb-2 text-sm font-semibold text-slate-800">Delinquency buckets</h2>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[980px] border-separate border-spacing-x-1 border-spacing-y-1 text-sm">
          <caption className="sr-only">Inputs per bucket, with each bucket's strategy</caption>
          <thead>
            <tr className="align-bottom text-left text-[11px] font-medium text-slate-600">
              <th scope="col" className="sticky left-0 z-10 bg-white px-1">Bucket</th>
              <th scope="col" className="px-1">Strategy</th>
              {keys.map((k) => (
                <th key={k} scope="col" className="px-1" title={headerDef(k)?.description}>
                  {headerDef(k)?.label ?? k}
                  {headerDef(k) && <span className="block font-normal text-slate-500">{headerDef(k)!.unit.startsWith('fraction') ? '%' : headerDef(k)!.unit}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {BUCKETS.map((b) => {
              const sPath = `buckets.${b}.strategy`;
              const current = String(valueAt(state.calc?.inputs, sPath) ?? '');
              const flash = state.highlights[sPath] != null;
              return (
                <tr key={b} data-bucket={b}>
                  <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-1 text-left text-xs font-semibold text-slate-800">{bucketLabel(b)}</th>
                  <td className="px-1">
                    <select
                      aria-label={`Strategy for ${bucketLabel(b)}`}
                      data-path={sPath}
                      value={current}
                      key={`h-${state.highlights[sPath] ?? 0}`}
                      onChange={(e) => onStrategy(b, e.target.value as Strategy)}
                      className={`rounded-md border border-slate-300 bg-white px-1.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 ${flash ? 'flash-change' : ''}`}
                    >
                      {strategies.map((s) => <option key={s} value={s}>{strategyLabel(s)}</option>)}
                    </select>
                    {state.rejections[sPath] && <p role="alert" className="text-xs text-red-700">{state.rejections[sPath].message}</p>}
                  </td>
                  {keys.map((k) => {
                    const p = `buckets.${b}.${k}`;
                    const def = defs.get(p);
                    return (
                      <td key={k} className="min-w-[84px] px-1 align-top">
                        <InputField
                          compact
                          path={p}
                          def={def ? { ...def, label: `${def.label}, ${bucketLabel(b)}` } : undefined}
                          value={valueAt(state.calc?.inputs, p) as number | undefined}
                          version={state.calc?.version}
                          highlightedAt={state.highlights[p]}
                          rejection={state.rejections[p]}
                          onCommit={onSet}
                          onEdit={onEdit}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

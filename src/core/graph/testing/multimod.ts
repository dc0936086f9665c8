import { fixture, truth } from '../../../../test/fixtures';
import { parseElf } from '../../formats/elf';
import type { Exe } from '../../formats/exe';
import { analyzeGo } from '../../go/index';
import type { GoReport, ModuleGraph } from '../../report/types';
import { buildModuleGraph, exeMemory } from '../index';
import { factsFromObjdump } from './objdump-facts';

/** The go/multimod fixture, its `go list -deps -json` truth, and its graph from the objdump-derived facts. */
export const MULTIMOD = 'multimod-linux-amd64';
const BUILD_DIR = '/tmp/gobinscope-build/home/gopher/work/multimod/app';

export interface ListedPackage {
  ImportPath: string;
  Name: string;
  Dir: string;
  Standard?: boolean;
  Module?: { Path: string };
  Imports?: string[];
}

export function listedPackages(): ListedPackage[] {
  const text = truth(`${MULTIMOD}.golist.json`);
  return JSON.parse(`[${text.replace(/\}\n\{/g, '},{')}]`) as ListedPackage[];
}

/** Symbols spell package main "main"; the go command names it by its import path. */
export function symbolPath(pkg: ListedPackage): string {
  return pkg.Name === 'main' ? 'main' : pkg.ImportPath;
}

/** "/a/app" + "../leaf" is "/a/leaf" (the inlining report names files relative to the main module). */
function joinDir(base: string, relative: string): string {
  const parts = base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export function multimodGraph(): { bytes: Uint8Array; exe: Exe; go: GoReport; graph: ModuleGraph } {
  const bytes = fixture(MULTIMOD);
  const exe = parseElf(bytes)!;
  const go = analyzeGo(exe, bytes).go!;
  const byDir = new Map(
    listedPackages()
      .filter((p) => !p.Standard)
      .map((p) => [p.Dir, symbolPath(p)]),
  );
  const functions = go.functions.map((f) => ({ entry: parseInt(f.entry, 16) }));
  const code = factsFromObjdump(
    truth(`${MULTIMOD}.objdump.txt`),
    truth(`${MULTIMOD}.inlining.txt`),
    functions,
    (dir) => byDir.get(joinDir(BUILD_DIR, dir)) ?? null,
  );
  return { bytes, exe, go, graph: buildModuleGraph(go, code, exeMemory(exe)) };
}

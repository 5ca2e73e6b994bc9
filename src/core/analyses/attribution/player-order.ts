/**
 * Random orders of players for the sampled Shapley and Owen values (MODEL.md §5), drawn from the
 * counter-based generator like every other draw: each actor a gets a key U(seed, trial, attributionOrder,
 * 2a) and each bloc g a key U(seed, trial, attributionOrder, 2g + 1). Sorting players by their keys gives a
 * uniformly random order (the keys are i.i.d. and continuous); sorting by (bloc key, actor key) gives the
 * Owen value's orders — blocs in random order, each bloc's members together and in random order.
 * A pure function of (seed, trial), so the orders do not depend on threads or on which trials ran before.
 */
import type { CompiledPlan } from '../../engine/compile.js';
import { entityKey, Stream, trialWordA, trialWordB, uniformAt } from '../../random/counter-rng.js';

export interface PlayerOrders {
  /** Sorts `players[0 … count)` in place into trial `trial`'s uniformly random order. */
  shapleyOrder(trial: number, players: Int32Array, count: number): void;
  /** Sorts `players[0 … count)` in place into trial `trial`'s random bloc-respecting order. */
  owenOrder(trial: number, players: Int32Array, count: number): void;
}

export function playerOrders(compiled: CompiledPlan): PlayerOrders {
  const nActors = compiled.actorIds.length;
  const nBlocs = compiled.blocIds.length;
  const keys = (count: number, offset: number): Uint32Array => {
    const out = new Uint32Array(2 * count);
    for (let i = 0; i < count; i++) {
      const k = entityKey(compiled.seed, Stream.attributionOrder, 2 * i + offset);
      out[2 * i] = k.a;
      out[2 * i + 1] = k.b;
    }
    return out;
  };
  const actorKeys = keys(nActors, 0);
  const blocKeys = keys(nBlocs, 1);
  const actorU = new Float64Array(nActors);
  const blocU = new Float64Array(nBlocs);
  const { actorBloc } = compiled;

  const draw = (trial: number, withBlocs: boolean): void => {
    const ta = trialWordA(trial);
    const tb = trialWordB(trial);
    for (let a = 0; a < nActors; a++) {
      actorU[a] = uniformAt(actorKeys[2 * a] as number, actorKeys[2 * a + 1] as number, ta, tb);
    }
    if (!withBlocs) return;
    for (let g = 0; g < nBlocs; g++) {
      blocU[g] = uniformAt(blocKeys[2 * g] as number, blocKeys[2 * g + 1] as number, ta, tb);
    }
  };
  // Ties between 52-bit keys are practically impossible; the indices break them all the same, so the
  // order is always a total one.
  const byActor = (a: number, b: number): number => (actorU[a] as number) - (actorU[b] as number) || a - b;
  const byBloc = (a: number, b: number): number => {
    const ga = actorBloc[a] as number;
    const gb = actorBloc[b] as number;
    return ga === gb ? byActor(a, b) : (blocU[ga] as number) - (blocU[gb] as number) || ga - gb;
  };

  return {
    shapleyOrder(trial, players, count) {
      draw(trial, false);
      insertionSort(players, count, byActor);
    },
    owenOrder(trial, players, count) {
      draw(trial, true);
      insertionSort(players, count, byBloc);
    },
  };
}

/** Few players per trial (tens): insertion sort beats a general sort here and allocates nothing. */
function insertionSort(xs: Int32Array, count: number, compare: (a: number, b: number) => number): void {
  for (let i = 1; i < count; i++) {
    const x = xs[i] as number;
    let j = i - 1;
    while (j >= 0 && compare(xs[j] as number, x) > 0) {
      xs[j + 1] = xs[j] as number;
      j--;
    }
    xs[j + 1] = x;
  }
}

/**
 * Minimum-cost flow by the primal-dual method: Dijkstra on reduced costs (node potentials keep them
 * non-negative) finds the next shortest distance, then Dinic blocking flows push as much as the
 * zero-reduced-cost subgraph carries. Unit edge costs make the number of phases small (at most the
 * longest shortest path), so networks of 100,000 edges solve in well under a second.
 *
 * Capacities and flows are integers held in doubles: exact up to 2^53, which bounds the sum of all
 * capacities (checked by the caller).
 */

export interface FlowNetwork {
  readonly nodeCount: number;
  addEdge(from: number, to: number, capacity: number, cost: number): number;
  /** Pushes up to `demand` from source to sink at minimum cost; returns the amount pushed. */
  solve(source: number, sink: number, demand: number): { flow: number; cost: number };
  flowOn(edge: number): number;
}

export function createFlowNetwork(nodeCount: number, edgeCapacityHint = 16): FlowNetwork {
  // Arcs in pairs: arc 2k is edge k, arc 2k+1 its reverse.
  let arcCount = 0;
  let to = new Int32Array(edgeCapacityHint * 2);
  let next = new Int32Array(edgeCapacityHint * 2);
  let residual = new Float64Array(edgeCapacityHint * 2);
  let arcCost = new Float64Array(edgeCapacityHint * 2);
  const capacityOf: number[] = [];
  const head = new Int32Array(nodeCount).fill(-1);

  const grow = () => {
    const size = to.length * 2;
    const grown = <T extends Int32Array | Float64Array>(array: T): T => {
      const copy = new (array.constructor as { new (n: number): T })(size);
      copy.set(array);
      return copy;
    };
    to = grown(to);
    next = grown(next);
    residual = grown(residual);
    arcCost = grown(arcCost);
  };

  const addArc = (from: number, target: number, capacity: number, cost: number) => {
    if (arcCount === to.length) grow();
    to[arcCount] = target;
    residual[arcCount] = capacity;
    arcCost[arcCount] = cost;
    next[arcCount] = head[from] as number;
    head[from] = arcCount;
    arcCount++;
  };

  const potential = new Float64Array(nodeCount);
  const distance = new Float64Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const currentArc = new Int32Array(nodeCount);
  const heapNodes = new Int32Array(nodeCount + 1);
  const heapPosition = new Int32Array(nodeCount).fill(-1);

  /** Dijkstra with an indexed binary heap over reduced costs; distance = Infinity when unreachable. */
  function shortestDistances(source: number): void {
    distance.fill(Number.POSITIVE_INFINITY);
    heapPosition.fill(-1);
    let size = 0;
    const swap = (a: number, b: number) => {
      const na = heapNodes[a] as number;
      const nb = heapNodes[b] as number;
      heapNodes[a] = nb;
      heapNodes[b] = na;
      heapPosition[nb] = a;
      heapPosition[na] = b;
    };
    const up = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((distance[heapNodes[parent] as number] as number) <= (distance[heapNodes[i] as number] as number))
          break;
        swap(i, parent);
        i = parent;
      }
    };
    const down = (i: number) => {
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        let smallest = left;
        const right = left + 1;
        if (
          right < size &&
          (distance[heapNodes[right] as number] as number) < (distance[heapNodes[left] as number] as number)
        ) {
          smallest = right;
        }
        if (
          (distance[heapNodes[i] as number] as number) <= (distance[heapNodes[smallest] as number] as number)
        )
          break;
        swap(i, smallest);
        i = smallest;
      }
    };
    distance[source] = 0;
    heapNodes[0] = source;
    heapPosition[source] = 0;
    size = 1;
    while (size > 0) {
      const u = heapNodes[0] as number;
      size--;
      if (size > 0) {
        heapNodes[0] = heapNodes[size] as number;
        heapPosition[heapNodes[0] as number] = 0;
        down(0);
      }
      heapPosition[u] = -2; // settled
      const du = distance[u] as number;
      for (let arc = head[u] as number; arc !== -1; arc = next[arc] as number) {
        if ((residual[arc] as number) <= 0) continue;
        const v = to[arc] as number;
        if (heapPosition[v] === -2) continue;
        const candidate = du + (arcCost[arc] as number) + (potential[u] as number) - (potential[v] as number);
        if (candidate < (distance[v] as number)) {
          distance[v] = candidate;
          if (heapPosition[v] === -1) {
            heapNodes[size] = v;
            heapPosition[v] = size;
            size++;
          }
          up(heapPosition[v] as number);
        }
      }
    }
  }

  const isAdmissible = (u: number, arc: number) =>
    (residual[arc] as number) > 0 &&
    (arcCost[arc] as number) + (potential[u] as number) - (potential[to[arc] as number] as number) === 0;

  function buildLevels(source: number, sink: number): boolean {
    level.fill(-1);
    const queue = new Int32Array(nodeCount);
    let read = 0;
    let write = 0;
    level[source] = 0;
    queue[write++] = source;
    while (read < write) {
      const u = queue[read++] as number;
      for (let arc = head[u] as number; arc !== -1; arc = next[arc] as number) {
        const v = to[arc] as number;
        if (level[v] === -1 && isAdmissible(u, arc)) {
          level[v] = (level[u] as number) + 1;
          queue[write++] = v;
        }
      }
    }
    return level[sink] !== -1;
  }

  /** One augmenting push along level-increasing admissible arcs, iteratively (no deep recursion). */
  function pushPath(source: number, sink: number, limit: number): number {
    const pathArcs: number[] = [];
    let u = source;
    for (;;) {
      if (u === sink) {
        let pushed = limit;
        for (const arc of pathArcs) pushed = Math.min(pushed, residual[arc] as number);
        for (const arc of pathArcs) {
          residual[arc] = (residual[arc] as number) - pushed;
          residual[arc ^ 1] = (residual[arc ^ 1] as number) + pushed;
        }
        return pushed;
      }
      let arc = currentArc[u] as number;
      while (arc !== -1) {
        const v = to[arc] as number;
        if (level[v] === (level[u] as number) + 1 && isAdmissible(u, arc)) break;
        arc = next[arc] as number;
      }
      currentArc[u] = arc;
      if (arc === -1) {
        // Dead end: never come here again in this level graph, and step back.
        level[u] = -1;
        const back = pathArcs.pop();
        if (back === undefined) return 0;
        u = to[back ^ 1] as number;
        currentArc[u] = next[currentArc[u] as number] as number;
        continue;
      }
      pathArcs.push(arc);
      u = to[arc] as number;
    }
  }

  return {
    nodeCount,
    addEdge(from, target, capacity, cost) {
      const edge = capacityOf.length;
      capacityOf.push(capacity);
      addArc(from, target, capacity, cost);
      addArc(target, from, 0, -cost);
      return edge;
    },
    solve(source, sink, demand) {
      let flow = 0;
      while (flow < demand) {
        shortestDistances(source);
        if (distance[sink] === Number.POSITIVE_INFINITY) break;
        const reach = distance[sink] as number;
        for (let v = 0; v < nodeCount; v++) {
          potential[v] = (potential[v] as number) + Math.min(distance[v] as number, reach);
        }
        while (flow < demand && buildLevels(source, sink)) {
          for (let v = 0; v < nodeCount; v++) currentArc[v] = head[v] as number;
          for (;;) {
            const pushed = pushPath(source, sink, demand - flow);
            if (pushed === 0) break;
            flow += pushed;
            if (flow >= demand) break;
          }
        }
      }
      let cost = 0;
      for (let edge = 0; edge < capacityOf.length; edge++)
        cost += this.flowOn(edge) * (arcCost[2 * edge] as number);
      return { flow, cost };
    },
    flowOn(edge) {
      return residual[2 * edge + 1] as number;
    },
  };
}

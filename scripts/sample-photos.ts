/**
 * `node scripts/sample-photos.ts [--content DIR] [--only NAME]`: draws the sample content's photos
 * (the illustrations beside the sample articles and the two author portraits) from gradients and
 * simple shapes, and writes them as JPEG files. Nothing is downloaded and nothing is random: every
 * scene takes its variation from a generator seeded with the file's path, so running the script
 * again rewrites the same pixels.
 *
 * Each picture is an SVG document (sky gradients, a sun, mountain ridges, steppe, water, skylines)
 * rasterised by sharp at quality 80.
 *
 * Options:
 *   --content DIR   content folder (default content)
 *   --only NAME     draw only the photos whose path contains NAME
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

// ---------------------------------------------------------------------------------------------
// Drawing primitives

/** A gradient stop: offset 0–1, colour, and opacity when not 1. */
type Stop = readonly [offset: number, color: string, opacity?: number];
type Point = readonly [x: number, y: number];

/** An SVG document being drawn: its size, its seeded generator, its defs and its shapes. */
interface Scene {
  readonly width: number;
  readonly height: number;
  readonly random: () => number;
  readonly defs: string[];
  readonly shapes: string[];
  ids: number;
}

/** FNV-1a: a 32-bit seed from a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** mulberry32: a small deterministic generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function createScene(width: number, height: number, seed: string): Scene {
  return { width, height, random: generator(hash(seed)), defs: [], shapes: [], ids: 0 };
}

/** A number as the SVG text writes it: at most one decimal, so documents stay small and stable. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function between(scene: Scene, min: number, max: number): number {
  return min + (max - min) * scene.random();
}

function pick<T>(scene: Scene, items: readonly T[]): T {
  const item = items[Math.floor(scene.random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

function lerp(from: number, to: number, t: number): number {
  return from + (to - from) * t;
}

function pointList(points: readonly Point[]): string {
  return points.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : value}"`)
    .join('');
}

function stopList(stops: readonly Stop[]): string {
  return stops
    .map(
      ([offset, color, opacity]) =>
        `<stop${attributes({ offset, 'stop-color': color, 'stop-opacity': opacity })}/>`,
    )
    .join('');
}

/** A linear gradient, vertical by default, across the shape's box; returns its `url(#…)`. */
function linear(
  scene: Scene,
  stops: readonly Stop[],
  from: Point = [0, 0],
  to: Point = [0, 1],
): string {
  const id = `g${(scene.ids += 1)}`;
  scene.defs.push(
    `<linearGradient id="${id}"${attributes({ x1: from[0], y1: from[1], x2: to[0], y2: to[1] })}>${stopList(stops)}</linearGradient>`,
  );
  return `url(#${id})`;
}

/** A radial gradient in the scene's coordinates; returns its `url(#…)`. */
function radial(scene: Scene, stops: readonly Stop[], cx: number, cy: number, r: number): string {
  const id = `g${(scene.ids += 1)}`;
  scene.defs.push(
    `<radialGradient id="${id}" gradientUnits="userSpaceOnUse"${attributes({ cx, cy, r })}>${stopList(stops)}</radialGradient>`,
  );
  return `url(#${id})`;
}

function rect(
  scene: Scene,
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  extra: Record<string, string | number> = {},
): void {
  scene.shapes.push(`<rect${attributes({ x, y, width, height, fill, ...extra })}/>`);
}

function circle(
  scene: Scene,
  cx: number,
  cy: number,
  r: number,
  fill: string,
  extra: Record<string, string | number> = {},
): void {
  scene.shapes.push(`<circle${attributes({ cx, cy, r, fill, ...extra })}/>`);
}

function ellipse(
  scene: Scene,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  fill: string,
  extra: Record<string, string | number> = {},
): void {
  scene.shapes.push(`<ellipse${attributes({ cx, cy, rx, ry, fill, ...extra })}/>`);
}

function polygon(
  scene: Scene,
  points: readonly Point[],
  fill: string,
  extra: Record<string, string | number> = {},
): void {
  scene.shapes.push(`<polygon points="${pointList(points)}"${attributes({ fill, ...extra })}/>`);
}

function path(scene: Scene, d: string, extra: Record<string, string | number>): void {
  scene.shapes.push(`<path d="${d}"${attributes(extra)}/>`);
}

function line(scene: Scene, from: Point, to: Point, stroke: string, width: number): void {
  scene.shapes.push(
    `<line${attributes({ x1: from[0], y1: from[1], x2: to[0], y2: to[1], stroke, 'stroke-width': width })}/>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Landscape elements

/** The whole frame filled with a vertical gradient. */
function sky(scene: Scene, stops: readonly Stop[]): void {
  rect(scene, 0, 0, scene.width, scene.height, linear(scene, stops));
}

/** A sun or moon: a soft glow and a disc. */
function sun(
  scene: Scene,
  x: number,
  y: number,
  r: number,
  core: string,
  glow: string,
  glowScale = 5,
): void {
  const halo = radial(
    scene,
    [
      [0, glow, 0.85],
      [0.35, glow, 0.3],
      [1, glow, 0],
    ],
    x,
    y,
    r * glowScale,
  );
  circle(scene, x, y, r * glowScale, halo);
  circle(scene, x, y, r, core);
}

/**
 * Midpoint displacement: `count + 1` values, roughly in [-1, 1], that wander like a ridge line.
 * `count` is a power of two.
 */
function roughness(scene: Scene, count: number, persistence = 0.55): number[] {
  const values = Array.from({ length: count + 1 }, () => 0);
  values[0] = between(scene, -0.5, 0.5);
  values[count] = between(scene, -0.5, 0.5);
  let spread = 1;
  for (let step = count; step > 1; step /= 2) {
    for (let start = 0; start < count; start += step) {
      const middle = start + step / 2;
      const average = ((values[start] ?? 0) + (values[start + step] ?? 0)) / 2;
      values[middle] = average + between(scene, -spread, spread);
    }
    spread *= persistence;
  }
  return values;
}

interface RangeOptions {
  /** The y of the range's foot. */
  base: number;
  /** Peaks as [x, height above base, half width]; random when a number is given instead. */
  peaks: ReadonlyArray<readonly [number, number, number]> | number;
  /** Height range of random peaks. */
  height?: readonly [number, number];
  /** How far the ridge line wanders from the peaks' slopes, in pixels. */
  jitter?: number;
  fill: string;
  /** Draw snow caps above this fraction of each peak's height (0–1). */
  snow?: number;
  snowColor?: string;
}

/** A mountain range: triangular peaks roughened by midpoint displacement, optionally snow-capped. */
function range(scene: Scene, options: RangeOptions): Point[] {
  const { width, height } = scene;
  const peaks =
    typeof options.peaks === 'number'
      ? Array.from({ length: options.peaks }, (_, index) => {
          const [low, high] = options.height ?? [height * 0.15, height * 0.35];
          const slot = width / (options.peaks as number);
          return [
            slot * (index + between(scene, 0.15, 0.85)),
            between(scene, low, high),
            between(scene, slot * 0.8, slot * 1.8),
          ] as const;
        })
      : options.peaks;
  const samples = 256;
  const noise = roughness(scene, samples);
  const jitter = options.jitter ?? height * 0.03;
  const ridge: Point[] = [];
  for (let index = 0; index <= samples; index += 1) {
    const x = -10 + ((width + 20) * index) / samples;
    let lift = 0;
    for (const [px, ph, half] of peaks) {
      lift = Math.max(lift, ph * (1 - Math.abs(x - px) / half));
    }
    ridge.push([x, options.base - lift - (noise[index] ?? 0) * jitter]);
  }
  polygon(scene, [...ridge, [width + 10, height + 10], [-10, height + 10]], options.fill);
  if (options.snow !== undefined) {
    let covered = -1;
    for (const [px, ph] of [...peaks].sort((a, b) => a[0] - b[0])) {
      const snowline = options.base - ph * options.snow;
      const at = (index: number) => ridge[index]?.[1] ?? Infinity;
      let start = Math.min(samples, Math.max(0, Math.round(((px + 10) / (width + 20)) * samples)));
      if (start <= covered || at(start) >= snowline) continue;
      let end = start;
      while (start > 0 && at(start - 1) < snowline) start -= 1;
      while (end < samples && at(end + 1) < snowline) end += 1;
      covered = end;
      const cap = ridge.slice(start, end + 1);
      const first = cap[0];
      const last = cap[cap.length - 1];
      if (!first || !last || cap.length < 3) continue;
      const drip: Point[] = [];
      const steps = Math.max(3, Math.round((last[0] - first[0]) / (width * 0.025)));
      for (let step = 1; step < steps; step += 1) {
        const x = lerp(last[0], first[0], step / steps);
        const ridgeY = at(Math.round(((x + 10) / (width + 20)) * samples));
        const reach = between(scene, 0, 0.12) * ph;
        drip.push([x, Math.max(ridgeY, snowline + reach)]);
      }
      polygon(scene, [...cap, ...drip], options.snowColor ?? '#f4f6fa', { 'fill-opacity': 0.92 });
    }
  }
  return ridge;
}

/** Rolling ground: a sum of gentle waves from `base` down to the bottom of the frame. */
function hills(scene: Scene, base: number, amplitude: number, fill: string, waves = 3): Point[] {
  const phases = Array.from({ length: waves }, () => between(scene, 0, Math.PI * 2));
  const lengths = Array.from(
    { length: waves },
    (_, index) => between(scene, 0.6, 1.4) * (scene.width / (index + 1)),
  );
  const edge: Point[] = [];
  for (let x = -10; x <= scene.width + 10; x += 20) {
    let y = base;
    for (let index = 0; index < waves; index += 1) {
      y +=
        (amplitude / (index + 1)) *
        Math.sin((x / (lengths[index] ?? 1)) * Math.PI * 2 + (phases[index] ?? 0));
    }
    edge.push([x, y]);
  }
  polygon(scene, [...edge, [scene.width + 10, scene.height + 10], [-10, scene.height + 10]], fill);
  return edge;
}

/** A river seen from above its bank: narrow at the horizon, wide and winding towards the viewer. */
function river(
  scene: Scene,
  options: {
    from: Point;
    toX: number;
    near: number;
    far: number;
    swing: number;
    fill: string;
    turns?: number;
  },
): void {
  const left: Point[] = [];
  const right: Point[] = [];
  const phase = between(scene, 0, Math.PI * 2);
  const turns = options.turns ?? 1.6;
  const steps = 80;
  for (let step = 0; step <= steps; step += 1) {
    const t = step / steps;
    const eased = t * t;
    const y = lerp(options.from[1], scene.height + 20, eased);
    const x =
      lerp(options.from[0], options.toX, eased) +
      options.swing * eased * Math.sin(t * Math.PI * turns * 2 + phase);
    const half = lerp(options.far, options.near, eased) / 2;
    left.push([x - half, y]);
    right.push([x + half, y]);
  }
  polygon(scene, [...left, ...right.reverse()], options.fill);
}

/** Still water from `top` to the bottom, with glints of light below `glintX`. */
function water(
  scene: Scene,
  top: number,
  stops: readonly Stop[],
  glint?: { x: number; color: string; spread: number },
): void {
  rect(scene, 0, top, scene.width, scene.height - top, linear(scene, stops));
  if (!glint) return;
  const rows = 26;
  for (let row = 0; row < rows; row += 1) {
    const t = (row + 1) / rows;
    const y = top + (scene.height - top) * t * t;
    const half = glint.spread * (0.3 + t) * between(scene, 0.4, 1);
    const offset = between(scene, -0.3, 0.3) * half;
    rect(scene, glint.x - half + offset, y, half * 2, 1.5 + t * 5, glint.color, {
      'fill-opacity': num(0.55 * (1 - t * 0.6)),
      rx: 2,
    });
  }
}

/** A band of haze: colour fading in and out vertically between `top` and `bottom`. */
function haze(scene: Scene, top: number, bottom: number, color: string, strength: number): void {
  rect(
    scene,
    0,
    top,
    scene.width,
    bottom - top,
    linear(scene, [
      [0, color, 0],
      [0.55, color, strength],
      [1, color, strength * 0.6],
    ]),
  );
}

interface SkylineOptions {
  base: number;
  height: readonly [number, number];
  width: readonly [number, number];
  fill: string;
  /** Colour of lit windows, and the share of windows lit. */
  windows?: { color: string; lit: number };
  /** Chance that a tall building gets a spire. */
  spires?: number;
}

/** A row of buildings standing on `base`, from the left edge to the right. */
function skyline(scene: Scene, options: SkylineOptions): void {
  let x = -between(scene, 0, 40);
  while (x < scene.width) {
    const w = between(scene, options.width[0], options.width[1]);
    const h = between(scene, options.height[0], options.height[1]);
    const top = options.base - h;
    rect(scene, x, top, w + 1, h + 2, options.fill);
    if (options.spires && h > lerp(options.height[0], options.height[1], 0.7)) {
      if (scene.random() < options.spires) {
        polygon(
          scene,
          [
            [x + w * 0.35, top],
            [x + w * 0.5, top - h * 0.25],
            [x + w * 0.65, top],
          ],
          options.fill,
        );
      }
    }
    if (options.windows) {
      const size = Math.max(5, w / 12);
      for (let wy = top + size * 1.5; wy < options.base - size * 2; wy += size * 2.2) {
        for (let wx = x + size; wx < x + w - size * 1.5; wx += size * 2) {
          if (scene.random() < options.windows.lit) {
            rect(scene, wx, wy, size, size * 1.3, options.windows.color);
          }
        }
      }
    }
    x += w + between(scene, -4, 10);
  }
}

/** A transmission pylon: a narrow lattice tower with two cross-arms. */
function pylon(scene: Scene, x: number, base: number, height: number, stroke: string): Point[] {
  const top = base - height;
  const spread = height * 0.16;
  const weight = Math.max(1.5, height / 90);
  line(scene, [x - spread, base], [x - spread * 0.15, top], stroke, weight);
  line(scene, [x + spread, base], [x + spread * 0.15, top], stroke, weight);
  for (let step = 1; step < 6; step += 1) {
    const y1 = lerp(base, top, (step - 1) / 6);
    const y2 = lerp(base, top, step / 6);
    const w1 = lerp(spread, spread * 0.15, (step - 1) / 6);
    const w2 = lerp(spread, spread * 0.15, step / 6);
    line(scene, [x - w1, y1], [x + w2, y2], stroke, weight * 0.6);
    line(scene, [x + w1, y1], [x - w2, y2], stroke, weight * 0.6);
  }
  const arms: Point[] = [];
  for (const level of [0.78, 0.92]) {
    const y = lerp(base, top, level);
    const reach = height * (level > 0.9 ? 0.22 : 0.3);
    line(scene, [x - reach, y], [x + reach, y], stroke, weight);
    arms.push([x - reach, y + 4], [x + reach, y + 4]);
  }
  return arms;
}

/** Power lines sagging between the matching arms of neighbouring pylons. */
function wires(scene: Scene, pylons: readonly Point[][], stroke: string): void {
  for (let index = 1; index < pylons.length; index += 1) {
    const from = pylons[index - 1] ?? [];
    const to = pylons[index] ?? [];
    from.forEach((start, arm) => {
      const end = to[arm];
      if (!end) return;
      const sag = Math.abs(end[0] - start[0]) * 0.08;
      path(
        scene,
        `M${num(start[0])},${num(start[1])} Q${num((start[0] + end[0]) / 2)},${num((start[1] + end[1]) / 2 + sag)} ${num(end[0])},${num(end[1])}`,
        { fill: 'none', stroke, 'stroke-width': 1.2, 'stroke-opacity': 0.8 },
      );
    });
  }
}

/** A train of `cars` wagons running along `base`, with wheels and a rail beneath. */
function train(
  scene: Scene,
  options: {
    x: number;
    base: number;
    cars: number;
    length: number;
    height: number;
    colors: readonly string[];
    engine: string;
    hopper?: boolean;
  },
): void {
  const { base, length, height } = options;
  rect(scene, -10, base + height * 0.22, scene.width + 20, Math.max(2, height * 0.06), '#3b3430');
  const gap = length * 0.06;
  const wheel = height * 0.1;
  let x = options.x;
  for (let car = 0; car <= options.cars; car += 1) {
    const top = base - height;
    if (car === 0) {
      polygon(
        scene,
        [
          [x, base],
          [x, top + height * 0.15],
          [x + length * 0.2, top],
          [x + length, top],
          [x + length, base],
        ],
        options.engine,
      );
      rect(scene, x + length * 0.08, top + height * 0.22, length * 0.14, height * 0.22, '#cfe3ee');
    } else if (options.hopper) {
      polygon(
        scene,
        [
          [x, top + height * 0.1],
          [x + length, top + height * 0.1],
          [x + length * 0.88, base],
          [x + length * 0.12, base],
        ],
        pick(scene, options.colors),
      );
    } else {
      rect(scene, x, top, length, height, pick(scene, options.colors));
      for (let rib = 1; rib < 8; rib += 1) {
        rect(scene, x + (length * rib) / 8, top + 3, 1.5, height - 6, '#000000', {
          'fill-opacity': 0.12,
        });
      }
    }
    circle(scene, x + length * 0.18, base + wheel * 0.6, wheel, '#2a2624');
    circle(scene, x + length * 0.82, base + wheel * 0.6, wheel, '#2a2624');
    x += length + gap;
  }
}

/** A dome on a drum, with ribs, as on the region's madrasas and mausoleums. */
function dome(
  scene: Scene,
  cx: number,
  base: number,
  r: number,
  colors: { dome: string; drum: string },
): void {
  rect(scene, cx - r * 0.9, base - r * 0.6, r * 1.8, r * 0.6, colors.drum);
  ellipse(scene, cx, base - r * 0.6, r, r * 1.15, colors.dome);
  for (let rib = -2; rib <= 2; rib += 1) {
    path(
      scene,
      `M${num(cx + rib * r * 0.35)},${num(base - r * 0.6)} Q${num(cx + rib * r * 0.2)},${num(base - r * 1.6)} ${num(cx)},${num(base - r * 1.75)}`,
      { fill: 'none', stroke: '#0d3b4a', 'stroke-width': 2, 'stroke-opacity': 0.35 },
    );
  }
  rect(scene, cx - 2, base - r * 2.05, 4, r * 0.32, colors.drum);
}

/** A madrasa facade: a tall portal with a pointed arch, framed by two minarets. */
function madrasa(
  scene: Scene,
  cx: number,
  base: number,
  size: number,
  colors: { wall: string; shade: string; tile: string; cap: string },
): void {
  const half = size * 0.5;
  rect(scene, cx - size * 1.1, base - size * 0.55, size * 2.2, size * 0.55, colors.wall);
  rect(scene, cx - half, base - size * 1.2, size, size * 1.2, colors.wall);
  rect(scene, cx - half, base - size * 1.2, size, size * 0.08, colors.tile);
  const archHalf = size * 0.28;
  path(
    scene,
    `M${num(cx - archHalf)},${num(base)} V${num(base - size * 0.7)} Q${num(cx - archHalf)},${num(base - size * 0.95)} ${num(cx)},${num(base - size * 1.02)} Q${num(cx + archHalf)},${num(base - size * 0.95)} ${num(cx + archHalf)},${num(base - size * 0.7)} V${num(base)} Z`,
    { fill: colors.shade },
  );
  for (const side of [-1, 1]) {
    const mx = cx + side * size * 1.05;
    rect(scene, mx - size * 0.07, base - size * 1.55, size * 0.14, size * 1.55, colors.wall);
    rect(scene, mx - size * 0.07, base - size * 1.3, size * 0.14, size * 0.05, colors.tile);
    rect(scene, mx - size * 0.07, base - size * 0.9, size * 0.14, size * 0.05, colors.tile);
    polygon(
      scene,
      [
        [mx - size * 0.1, base - size * 1.55],
        [mx + size * 0.1, base - size * 1.55],
        [mx, base - size * 1.68],
      ],
      colors.cap,
    );
  }
}

/** A container ship or ferry hull with stacked boxes. */
function ship(
  scene: Scene,
  x: number,
  waterline: number,
  length: number,
  colors: { hull: string; deck: string; boxes: readonly string[] },
): void {
  const draft = length * 0.07;
  polygon(
    scene,
    [
      [x, waterline - draft],
      [x + length, waterline - draft],
      [x + length * 0.94, waterline + draft * 0.4],
      [x + length * 0.05, waterline + draft * 0.4],
    ],
    colors.hull,
  );
  rect(scene, x + length * 0.04, waterline - draft * 2.6, length * 0.16, draft * 1.6, colors.deck);
  rect(scene, x + length * 0.07, waterline - draft * 3.4, length * 0.06, draft * 0.8, colors.deck);
  const box = length * 0.055;
  for (let column = 0; column < 12; column += 1) {
    const stack = 1 + Math.floor(between(scene, 0, 3));
    for (let level = 0; level < stack; level += 1) {
      rect(
        scene,
        x + length * 0.24 + column * box * 1.12,
        waterline - draft - (level + 1) * box * 0.55,
        box,
        box * 0.5,
        pick(scene, colors.boxes),
      );
    }
  }
}

/** A harbour gantry crane: two legs, a boom reaching over the water. */
function crane(scene: Scene, x: number, base: number, height: number, color: string): void {
  const weight = Math.max(3, height / 45);
  const top = base - height;
  line(scene, [x, base], [x, top], color, weight);
  line(scene, [x + height * 0.25, base], [x + height * 0.25, top], color, weight);
  line(scene, [x - height * 0.15, top], [x + height * 0.9, top], color, weight * 1.2);
  line(scene, [x, base - height * 0.45], [x + height * 0.25, base - height * 0.45], color, weight);
  line(scene, [x + height * 0.12, top], [x + height * 0.12, top - height * 0.18], color, weight);
  line(
    scene,
    [x + height * 0.12, top - height * 0.18],
    [x + height * 0.85, top],
    color,
    weight * 0.5,
  );
  line(
    scene,
    [x + height * 0.6, top],
    [x + height * 0.6, top + height * 0.35],
    color,
    weight * 0.4,
  );
}

/** Stacks of shipping containers on a quay. */
function containerYard(
  scene: Scene,
  from: number,
  to: number,
  base: number,
  box: number,
  colors: readonly string[],
): void {
  for (let x = from; x < to; x += box * 2.1) {
    const stack = 1 + Math.floor(between(scene, 0, 4));
    for (let level = 0; level < stack; level += 1) {
      rect(scene, x, base - (level + 1) * box * 0.9, box * 2, box * 0.85, pick(scene, colors));
    }
  }
}

/** A head-and-shoulders silhouette for an illustrated portrait. */
function bust(
  scene: Scene,
  colors: { skin: string; shadow: string; hair: string; coat: string; collar: string },
  long = false,
): void {
  const { width: w, height: h } = scene;
  const cx = w / 2;
  if (long) {
    path(
      scene,
      `M${num(cx - w * 0.17)},${num(h * 0.4)} C${num(cx - w * 0.2)},${num(h * 0.12)} ${num(cx + w * 0.2)},${num(h * 0.12)} ${num(cx + w * 0.17)},${num(h * 0.4)} L${num(cx + w * 0.2)},${num(h * 0.72)} L${num(cx - w * 0.2)},${num(h * 0.72)} Z`,
      { fill: colors.hair },
    );
  }
  path(
    scene,
    `M${num(cx - w * 0.42)},${num(h + 5)} C${num(cx - w * 0.4)},${num(h * 0.74)} ${num(cx - w * 0.25)},${num(h * 0.68)} ${num(cx)},${num(h * 0.67)} C${num(cx + w * 0.25)},${num(h * 0.68)} ${num(cx + w * 0.4)},${num(h * 0.74)} ${num(cx + w * 0.42)},${num(h + 5)} Z`,
    { fill: colors.coat },
  );
  polygon(
    scene,
    [
      [cx - w * 0.09, h * 0.67],
      [cx, h * 0.8],
      [cx + w * 0.09, h * 0.67],
    ],
    colors.collar,
  );
  rect(scene, cx - w * 0.06, h * 0.52, w * 0.12, h * 0.17, colors.shadow, { rx: w * 0.03 });
  ellipse(scene, cx - w * 0.14, h * 0.42, w * 0.025, h * 0.04, colors.skin);
  ellipse(scene, cx + w * 0.14, h * 0.42, w * 0.025, h * 0.04, colors.shadow);
  ellipse(scene, cx, h * 0.4, w * 0.14, h * 0.18, colors.skin);
  ellipse(scene, cx + w * 0.05, h * 0.42, w * 0.09, h * 0.16, colors.shadow, {
    'fill-opacity': 0.35,
  });
  // Hair: a cap over the crown with a fringe that sweeps across the forehead.
  path(
    scene,
    `M${num(cx - w * 0.15)},${num(h * 0.41)} C${num(cx - w * 0.19)},${num(h * 0.1)} ${num(cx + w * 0.19)},${num(h * 0.1)} ${num(cx + w * 0.15)},${num(h * 0.39)} C${num(cx + w * 0.13)},${num(h * 0.3)} ${num(cx + w * 0.06)},${num(h * 0.27)} ${num(cx - w * 0.02)},${num(h * 0.29)} C${num(cx - w * 0.08)},${num(h * 0.3)} ${num(cx - w * 0.13)},${num(h * 0.33)} ${num(cx - w * 0.15)},${num(h * 0.41)} Z`,
    { fill: colors.hair },
  );
}

// ---------------------------------------------------------------------------------------------
// Scenes

/** Bishkek: the Ala-Too range above a city wrapped in brown winter haze, chimneys smoking. */
function smogCity(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#8ea6bd'],
    [0.45, '#c9c2b0'],
    [1, '#b99f7f'],
  ]);
  sun(scene, w * 0.72, h * 0.2, h * 0.045, '#fff1d0', '#f6dfb0', 4);
  range(scene, {
    base: h * 0.55,
    peaks: 6,
    height: [h * 0.2, h * 0.33],
    fill: linear(scene, [
      [0, '#8c99ab'],
      [1, '#a39e95'],
    ]),
    snow: 0.72,
    snowColor: '#e9ebee',
  });
  haze(scene, h * 0.38, h * 0.72, '#a88b66', 0.55);
  skyline(scene, {
    base: h * 0.8,
    height: [h * 0.06, h * 0.2],
    width: [w * 0.03, w * 0.07],
    fill: '#6f6458',
  });
  for (let index = 0; index < 5; index += 1) {
    const x = between(scene, w * 0.05, w * 0.95);
    const top = h * between(scene, 0.5, 0.6);
    rect(scene, x, top, w * 0.012, h * 0.8 - top, '#5c5147');
    for (let puff = 0; puff < 7; puff += 1) {
      circle(
        scene,
        x + w * 0.006 + puff * w * 0.012,
        top - puff * h * 0.025,
        h * (0.018 + puff * 0.008),
        '#9a8a78',
        { 'fill-opacity': num(0.5 - puff * 0.05) },
      );
    }
  }
  haze(scene, h * 0.6, h * 0.86, '#8f7658', 0.5);
  skyline(scene, {
    base: h + 4,
    height: [h * 0.1, h * 0.24],
    width: [w * 0.05, w * 0.11],
    fill: '#4a423b',
    windows: { color: '#d8b878', lit: 0.12 },
  });
}

/** The Syr Darya: a river winding out of the mountains through a green valley into steppe. */
function riverValley(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#5d8ec4'],
    [0.6, '#b9d3e6'],
    [1, '#e8e2cf'],
  ]);
  sun(scene, w * 0.2, h * 0.16, h * 0.04, '#fffbe8', '#fff2c4');
  range(scene, {
    base: h * 0.48,
    peaks: 7,
    height: [h * 0.12, h * 0.26],
    fill: '#7d8fa6',
    snow: 0.6,
  });
  range(scene, { base: h * 0.52, peaks: 5, height: [h * 0.05, h * 0.12], fill: '#6f8567' });
  hills(
    scene,
    h * 0.56,
    h * 0.015,
    linear(scene, [
      [0, '#9caf6c'],
      [0.5, '#b9b373'],
      [1, '#c9b27d'],
    ]),
  );
  for (let index = 0; index < 40; index += 1) {
    const t = between(scene, 0.1, 1);
    const y = lerp(h * 0.57, h, t * t);
    const x = between(scene, 0, w);
    ellipse(scene, x, y, w * 0.012 * (0.4 + t), h * 0.012 * (0.4 + t), '#5f7a45', {
      'fill-opacity': 0.8,
    });
  }
  river(scene, {
    from: [w * 0.55, h * 0.53],
    toX: w * 0.42,
    far: w * 0.01,
    near: w * 0.3,
    swing: w * 0.22,
    fill: linear(scene, [
      [0, '#b8d0e0'],
      [1, '#5d87a8'],
    ]),
  });
}

/** A reservoir between steep mountains held back by a concrete dam. */
function reservoir(scene: Scene, winter: boolean): void {
  const { width: w, height: h } = scene;
  sky(
    scene,
    winter
      ? [
          [0, '#6b7f99'],
          [0.7, '#c7d0da'],
          [1, '#e3e6ea'],
        ]
      : [
          [0, '#4f86c0'],
          [1, '#c8def0'],
        ],
  );
  range(scene, {
    base: h * 0.5,
    peaks: 5,
    height: [h * 0.2, h * 0.34],
    fill: winter ? '#8d98a8' : '#85909d',
    snow: winter ? 0.35 : 0.75,
  });
  water(
    scene,
    h * 0.48,
    winter
      ? [
          [0, '#9fb1c2'],
          [1, '#566d84'],
        ]
      : [
          [0, '#8fb8d6'],
          [1, '#2f6488'],
        ],
  );
  // The water has fallen: a pale band of exposed shore above it.
  rect(scene, 0, h * 0.48, w, h * 0.03, winter ? '#b7aa97' : '#a79a84', { 'fill-opacity': 0.9 });
  polygon(
    scene,
    [
      [-10, h * 0.25],
      [w * 0.3, h * 0.6],
      [w * 0.42, h * 0.72],
      [-10, h + 10],
    ],
    winter ? '#6d6862' : '#5e6a4a',
  );
  polygon(
    scene,
    [
      [w + 10, h * 0.3],
      [w * 0.66, h * 0.6],
      [w * 0.58, h * 0.72],
      [w + 10, h + 10],
    ],
    winter ? '#77716a' : '#667352',
  );
  polygon(
    scene,
    [
      [w * 0.3, h * 0.6],
      [w * 0.66, h * 0.6],
      [w * 0.6, h * 0.75],
      [w * 0.4, h * 0.75],
    ],
    linear(scene, [
      [0, '#d9d5cc'],
      [1, '#a9a59d'],
    ]),
  );
  rect(scene, w * 0.3, h * 0.59, w * 0.36, h * 0.012, '#8f8a82');
  rect(scene, w * 0.4, h * 0.75, w * 0.2, h * 0.26, '#90a8b8');
  if (winter) {
    const arms = [w * 0.08, w * 0.28, w * 0.72, w * 0.94].map((x, index) =>
      pylon(scene, x, h * (index % 3 === 0 ? 0.98 : 0.9), h * 0.3, '#3c3f45'),
    );
    wires(scene, arms, '#3c3f45');
    for (let flake = 0; flake < 160; flake += 1) {
      circle(scene, between(scene, 0, w), between(scene, 0, h), between(scene, 1, 3.5), '#ffffff', {
        'fill-opacity': 0.75,
      });
    }
  }
}

/** The Caspian at dawn: a ferry leaving port, a crane on the quay. */
function caspianFerry(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#3c4f78'],
    [0.5, '#d99a7a'],
    [1, '#f3cf9c'],
  ]);
  sun(scene, w * 0.62, h * 0.52, h * 0.05, '#fff0cf', '#ffc98a', 6);
  water(
    scene,
    h * 0.55,
    [
      [0, '#b88c82'],
      [0.4, '#5c6b8a'],
      [1, '#27344f'],
    ],
    { x: w * 0.62, color: '#ffd9a0', spread: w * 0.06 },
  );
  rect(scene, 0, h * 0.5, w * 0.25, h * 0.05, '#2f2c36');
  crane(scene, w * 0.06, h * 0.5, h * 0.3, '#2f2c36');
  crane(scene, w * 0.16, h * 0.5, h * 0.26, '#2f2c36');
  ship(scene, w * 0.3, h * 0.6, w * 0.42, {
    hull: '#22242f',
    deck: '#e7e1d6',
    boxes: ['#3a3d4d', '#53414a', '#2c3a44'],
  });
}

/** The port at Aktau: a container yard, gantry cranes and a ship alongside. */
function containerPort(scene: Scene): void {
  const { width: w, height: h } = scene;
  const boxes = ['#b5473a', '#2f6f9f', '#d9a441', '#3f7d5c', '#8a8f96', '#c9683b'];
  sky(scene, [
    [0, '#3d7fc0'],
    [0.7, '#a9cbe6'],
    [1, '#e2eef5'],
  ]);
  sun(scene, w * 0.85, h * 0.15, h * 0.035, '#ffffff', '#fff4cf');
  water(
    scene,
    h * 0.5,
    [
      [0, '#6ea2c4'],
      [1, '#1f4f73'],
    ],
    { x: w * 0.85, color: '#e9f4fb', spread: w * 0.04 },
  );
  ship(scene, w * 0.04, h * 0.56, w * 0.5, { hull: '#2e3b4e', deck: '#f2f2ee', boxes });
  rect(scene, 0, h * 0.62, w, h * 0.38, '#b9ae98');
  rect(scene, 0, h * 0.62, w, h * 0.015, '#7d7566');
  for (const x of [0.12, 0.3, 0.48]) crane(scene, w * x, h * 0.64, h * 0.4, '#c8492f');
  containerYard(scene, w * 0.58, w * 1.02, h * 0.8, w * 0.024, boxes);
  containerYard(scene, w * 0.05, w * 0.55, h * 0.97, w * 0.032, boxes);
}

/** A container train crossing flat steppe under a wide sky. */
function steppeTrain(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#3f78b5'],
    [0.8, '#cfe0ec'],
    [1, '#efe7d2'],
  ]);
  for (let cloud = 0; cloud < 6; cloud += 1) {
    const x = between(scene, 0, w);
    const y = between(scene, h * 0.1, h * 0.35);
    for (let puff = 0; puff < 4; puff += 1) {
      ellipse(
        scene,
        x + puff * w * 0.03,
        y + between(scene, -8, 8),
        w * between(scene, 0.04, 0.07),
        h * 0.03,
        '#ffffff',
        { 'fill-opacity': 0.7 },
      );
    }
  }
  range(scene, { base: h * 0.6, peaks: 4, height: [h * 0.02, h * 0.05], fill: '#a6a89c' });
  hills(
    scene,
    h * 0.61,
    h * 0.006,
    linear(scene, [
      [0, '#c7b987'],
      [1, '#a69a62'],
    ]),
  );
  train(scene, {
    x: w * 0.06,
    base: h * 0.63,
    cars: 14,
    length: w * 0.055,
    height: h * 0.045,
    colors: ['#b5473a', '#2f6f9f', '#d9a441', '#3f7d5c', '#7b8088'],
    engine: '#1f5a3a',
  });
  for (let tuft = 0; tuft < 90; tuft += 1) {
    const t = between(scene, 0.05, 1);
    const y = lerp(h * 0.68, h, t);
    ellipse(
      scene,
      between(scene, 0, w),
      y,
      w * 0.01 * (0.3 + t),
      h * 0.006 * (0.3 + t),
      '#8b8150',
      {
        'fill-opacity': 0.7,
      },
    );
  }
}

/** Wheat stubble in perspective, grain elevators and hopper wagons on the horizon. */
function grainSteppe(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#7aa6cf'],
    [1, '#e9e4d2'],
  ]);
  sun(scene, w * 0.15, h * 0.2, h * 0.04, '#fffdf2', '#fff0c0');
  const horizon = h * 0.58;
  const stripes = 24;
  for (let index = 0; index < stripes; index += 1) {
    const x1 = (w * index) / stripes;
    const x2 = (w * (index + 1)) / stripes;
    polygon(
      scene,
      [
        [w * 0.5 + (x1 - w * 0.5) * 0.08, horizon],
        [w * 0.5 + (x2 - w * 0.5) * 0.08, horizon],
        [w * 0.5 + (x2 - w * 0.5) * 3, h],
        [w * 0.5 + (x1 - w * 0.5) * 3, h],
      ],
      index % 2 === 0 ? '#d8b565' : '#c9a254',
    );
  }
  rect(
    scene,
    0,
    horizon,
    w,
    h - horizon,
    linear(scene, [
      [0, '#e7d6a8', 0.6],
      [0.4, '#e7d6a8', 0],
    ]),
  );
  for (let silo = 0; silo < 4; silo += 1) {
    const x = w * 0.66 + silo * w * 0.035;
    rect(scene, x, horizon - h * 0.2, w * 0.032, h * 0.2, '#cfcac0');
    ellipse(scene, x + w * 0.016, horizon - h * 0.2, w * 0.016, h * 0.008, '#b9b3a8');
  }
  rect(scene, w * 0.8, horizon - h * 0.26, w * 0.03, h * 0.26, '#bdb7ac');
  train(scene, {
    x: w * 0.02,
    base: horizon - 2,
    cars: 12,
    length: w * 0.04,
    height: h * 0.03,
    colors: ['#7d5a3c', '#8a6444', '#6f4f36'],
    engine: '#2b5f87',
    hopper: true,
  });
}

/** Open-pit mine terraces cut into a mountainside. */
function openPit(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#6d9ccc'],
    [1, '#dbe6ee'],
  ]);
  range(scene, {
    base: h * 0.5,
    peaks: 4,
    height: [h * 0.18, h * 0.3],
    fill: '#8f9aa6',
    snow: 0.65,
  });
  hills(scene, h * 0.5, h * 0.02, '#9c8f78');
  const terraces = 9;
  for (let step = 0; step < terraces; step += 1) {
    const t = step / terraces;
    ellipse(
      scene,
      w * 0.5,
      h * (0.74 + t * 0.05),
      w * (0.46 - t * 0.045),
      h * (0.22 - t * 0.022),
      step % 2 === 0 ? '#b39a78' : '#8e7a60',
    );
  }
  ellipse(scene, w * 0.5, h * 0.84, w * 0.05, h * 0.018, '#5d7a7c');
  rect(scene, w * 0.36, h * 0.62, w * 0.03, h * 0.018, '#e0b43a');
  circle(scene, w * 0.364, h * 0.641, h * 0.007, '#2a2624');
  circle(scene, w * 0.386, h * 0.641, h * 0.007, '#2a2624');
}

/** A high valley with a stream, pasture and a line of new border markers. */
function borderValley(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#4d87c7'],
    [1, '#d7e6f1'],
  ]);
  range(scene, {
    base: h * 0.5,
    peaks: 6,
    height: [h * 0.18, h * 0.32],
    fill: '#7f8ea3',
    snow: 0.55,
  });
  range(scene, { base: h * 0.55, peaks: 5, height: [h * 0.05, h * 0.12], fill: '#857a5f' });
  hills(
    scene,
    h * 0.58,
    h * 0.012,
    linear(scene, [
      [0, '#b2a16c'],
      [1, '#8d9a56'],
    ]),
  );
  river(scene, {
    from: [w * 0.3, h * 0.57],
    toX: w * 0.15,
    far: w * 0.006,
    near: w * 0.12,
    swing: w * 0.08,
    fill: '#9cc0d8',
    turns: 1.2,
  });
  for (let marker = 0; marker < 9; marker += 1) {
    const t = marker / 8;
    const eased = t * t;
    const x = lerp(w * 0.62, w * 0.8, eased);
    const base = lerp(h * 0.6, h * 0.95, eased);
    const size = lerp(h * 0.02, h * 0.16, eased);
    rect(scene, x - size * 0.12, base - size, size * 0.24, size, '#f1efe9');
    rect(scene, x - size * 0.12, base - size * 0.75, size * 0.24, size * 0.15, '#b43a32');
    rect(scene, x - size * 0.12, base - size * 0.4, size * 0.24, size * 0.15, '#b43a32');
  }
}

/** A city at dusk below the mountains, towers lit, a TV mast on a hill. */
function cityDusk(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#1d2a4d'],
    [0.55, '#6a5d8a'],
    [1, '#e59c7a'],
  ]);
  range(scene, {
    base: h * 0.62,
    peaks: 5,
    height: [h * 0.25, h * 0.4],
    fill: '#3a3f5e',
    snow: 0.7,
    snowColor: '#d9cfe2',
  });
  hills(scene, h * 0.64, h * 0.03, '#2d3048');
  line(scene, [w * 0.82, h * 0.62], [w * 0.82, h * 0.3], '#2d3048', w * 0.004);
  circle(scene, w * 0.82, h * 0.42, w * 0.008, '#2d3048');
  circle(scene, w * 0.82, h * 0.3, h * 0.004, '#ff5a4f');
  skyline(scene, {
    base: h * 0.86,
    height: [h * 0.08, h * 0.3],
    width: [w * 0.03, w * 0.07],
    fill: '#262a3e',
    windows: { color: '#f2c879', lit: 0.3 },
    spires: 0.4,
  });
  rect(scene, 0, h * 0.86, w, h * 0.14, '#1c1f2e');
  // A metro entrance: a low pavilion with a lit doorway and a round sign.
  rect(scene, w * 0.44, h * 0.8, w * 0.12, h * 0.06, '#3a3f5a');
  rect(scene, w * 0.475, h * 0.815, w * 0.05, h * 0.045, '#f2c879');
  circle(scene, w * 0.5, h * 0.765, h * 0.025, '#c43c3c');
  scene.shapes.push(
    `<polyline points="${pointList([
      [w * 0.5 - h * 0.013, h * 0.777],
      [w * 0.5 - h * 0.013, h * 0.753],
      [w * 0.5, h * 0.768],
      [w * 0.5 + h * 0.013, h * 0.753],
      [w * 0.5 + h * 0.013, h * 0.777],
    ])}" fill="none" stroke="#ffffff" stroke-width="${num(h * 0.005)}"/>`,
  );
  for (let lamp = 0; lamp < 12; lamp += 1) {
    circle(scene, (w * (lamp + 0.5)) / 12, h * 0.9, h * 0.005, '#ffd98a');
  }
}

/** Lake Balkhash at evening: a flat steppe shore and a very wide sky over still water. */
function lakeShore(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#5878a8'],
    [0.6, '#e2b48e'],
    [1, '#f4d9ad'],
  ]);
  sun(scene, w * 0.32, h * 0.5, h * 0.05, '#fff4d8', '#ffd39a', 6);
  water(
    scene,
    h * 0.54,
    [
      [0, '#e3bf9c'],
      [0.5, '#8ea1b7'],
      [1, '#4c6685'],
    ],
    { x: w * 0.32, color: '#ffe2b0', spread: w * 0.05 },
  );
  rect(scene, 0, h * 0.525, w, h * 0.015, '#8a7f7a', { 'fill-opacity': 0.6 });
  hills(
    scene,
    h * 0.76,
    h * 0.02,
    linear(scene, [
      [0, '#b59c6a'],
      [1, '#7d6b44'],
    ]),
    2,
  );
  for (let reed = 0; reed < 70; reed += 1) {
    const x = between(scene, 0, w);
    const base = between(scene, h * 0.8, h);
    const length = between(scene, h * 0.05, h * 0.12);
    line(scene, [x, base], [x + between(scene, -8, 8), base - length], '#5a4a2e', 2);
  }
}

/** Samarkand at sunset: three madrasa facades with turquoise domes around a square. */
function registan(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#34508a'],
    [0.55, '#e7a071'],
    [1, '#f6d39b'],
  ]);
  sun(scene, w * 0.5, h * 0.6, h * 0.06, '#fff1d2', '#ffc489', 5);
  const colors = { wall: '#c89a63', shade: '#6e4b2e', tile: '#2c8c99', cap: '#2c8c99' };
  const domes = { dome: '#2f9aa8', drum: '#c0905a' };
  dome(scene, w * 0.22, h * 0.55, w * 0.05, domes);
  dome(scene, w * 0.78, h * 0.55, w * 0.05, domes);
  madrasa(scene, w * 0.18, h * 0.8, w * 0.12, colors);
  madrasa(scene, w * 0.82, h * 0.8, w * 0.12, colors);
  dome(scene, w * 0.5, h * 0.5, w * 0.065, domes);
  madrasa(scene, w * 0.5, h * 0.8, w * 0.15, { ...colors, wall: '#d2a56d' });
  rect(
    scene,
    0,
    h * 0.8,
    w,
    h * 0.2,
    linear(scene, [
      [0, '#b88d5c'],
      [1, '#8a6740'],
    ]),
  );
  for (let tile = 0; tile < 14; tile += 1) {
    line(
      scene,
      [(w * tile) / 13, h * 0.8],
      [w * 0.5 + ((w * tile) / 13 - w * 0.5) * 2.5, h],
      '#7a5a38',
      2,
    );
  }
}

/** Osh bazaar: rows of striped awnings and fruit stalls below a rocky mountain. */
function bazaar(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#5b96cf'],
    [1, '#e3eef5'],
  ]);
  sun(scene, w * 0.8, h * 0.14, h * 0.035, '#ffffff', '#fff3cc');
  range(scene, {
    base: h * 0.5,
    peaks: [
      [w * 0.3, h * 0.2, w * 0.18],
      [w * 0.45, h * 0.26, w * 0.14],
      [w * 0.58, h * 0.18, w * 0.16],
    ],
    jitter: h * 0.05,
    fill: '#9c8a78',
  });
  skyline(scene, {
    base: h * 0.55,
    height: [h * 0.04, h * 0.1],
    width: [w * 0.04, w * 0.08],
    fill: '#c8b9a2',
  });
  rect(scene, 0, h * 0.55, w, h * 0.45, '#c9b59a');
  const awnings = ['#c4453a', '#2f7fb0', '#e0a93b', '#4f9a6a', '#e6e0d3'];
  for (let row = 0; row < 3; row += 1) {
    const base = h * (0.68 + row * 0.14);
    const size = w * (0.07 + row * 0.025);
    for (let x = -size * row * 0.3; x < w; x += size * 1.05) {
      const color = pick(scene, awnings);
      polygon(
        scene,
        [
          [x, base - size * 0.6],
          [x + size, base - size * 0.6],
          [x + size * 1.05, base - size * 0.3],
          [x - size * 0.05, base - size * 0.3],
        ],
        color,
      );
      for (let stripe = 0; stripe < 4; stripe += 1) {
        polygon(
          scene,
          [
            [x + (size * (stripe * 2 + 1)) / 8, base - size * 0.6],
            [x + (size * (stripe * 2 + 2)) / 8, base - size * 0.6],
            [x + (size * (stripe * 2 + 2)) / 8, base - size * 0.3],
            [x + (size * (stripe * 2 + 1)) / 8, base - size * 0.3],
          ],
          '#ffffff',
          { 'fill-opacity': 0.3 },
        );
      }
      rect(scene, x, base - size * 0.3, size, size * 0.32, '#6b4f37');
      for (let fruit = 0; fruit < 6; fruit += 1) {
        circle(
          scene,
          x + size * (0.12 + fruit * 0.15),
          base - size * 0.02,
          size * 0.06,
          pick(scene, ['#e88b2d', '#d4592b', '#f0c24a', '#8fb04a', '#a0362f']),
        );
      }
    }
  }
}

/** Spring foothills: a meadow of red tulips below snowy peaks. */
function tulipMeadow(scene: Scene): void {
  const { width: w, height: h } = scene;
  sky(scene, [
    [0, '#4a8fd6'],
    [1, '#d8ebf7'],
  ]);
  sun(scene, w * 0.12, h * 0.14, h * 0.04, '#ffffff', '#fff6d8');
  range(scene, {
    base: h * 0.46,
    peaks: 6,
    height: [h * 0.16, h * 0.28],
    fill: '#7a8fad',
    snow: 0.45,
  });
  hills(scene, h * 0.5, h * 0.03, '#7fa35a');
  hills(
    scene,
    h * 0.62,
    h * 0.02,
    linear(scene, [
      [0, '#8db65e'],
      [1, '#5f8f3e'],
    ]),
  );
  const tulips = Array.from(
    { length: 170 },
    () => [between(scene, 0, w), between(scene, 0, 1)] as const,
  );
  tulips.sort((a, b) => a[1] - b[1]);
  for (const [x, depth] of tulips) {
    const t = depth * depth;
    const y = lerp(h * 0.64, h * 1.02, t);
    const size = lerp(h * 0.006, h * 0.04, t);
    line(scene, [x, y], [x, y - size * 2.2], '#3f6b2b', Math.max(1, size * 0.18));
    ellipse(
      scene,
      x,
      y - size * 2.4,
      size * 0.55,
      size * 0.75,
      pick(scene, ['#d8322f', '#e2452e', '#c0262f', '#f0b431']),
    );
  }
}

/** An illustrated portrait: a silhouette before a warm backdrop of circles. */
function portraitWarm(scene: Scene): void {
  const { width: w, height: h } = scene;
  rect(
    scene,
    0,
    0,
    w,
    h,
    radial(
      scene,
      [
        [0, '#f6cf8a'],
        [1, '#c9733a'],
      ],
      w * 0.35,
      h * 0.3,
      w * 0.9,
    ),
  );
  for (let ring = 0; ring < 5; ring += 1) {
    circle(
      scene,
      w * between(scene, 0, 1),
      h * between(scene, 0, 0.6),
      w * between(scene, 0.08, 0.2),
      '#fff3da',
      {
        'fill-opacity': 0.18,
      },
    );
  }
  bust(
    scene,
    {
      skin: '#d9a27a',
      shadow: '#a8734f',
      hair: '#2b1d17',
      coat: '#24415e',
      collar: '#e9e2d6',
    },
    true,
  );
}

/** An illustrated portrait: a silhouette before blue mountains. */
function portraitMountains(scene: Scene): void {
  const { height: h } = scene;
  sky(scene, [
    [0, '#3f74b0'],
    [1, '#b9d4ea'],
  ]);
  range(scene, {
    base: h * 0.75,
    peaks: 3,
    height: [h * 0.2, h * 0.35],
    fill: '#6d85a4',
    snow: 0.6,
  });
  bust(scene, {
    skin: '#c98f66',
    shadow: '#94603f',
    hair: '#1c1a1a',
    coat: '#4a4037',
    collar: '#c9b48a',
  });
}

// ---------------------------------------------------------------------------------------------
// The photos

interface PhotoSpec {
  /** Where the photo is written, relative to the content folder. */
  file: string;
  width: number;
  height: number;
  draw: (scene: Scene) => void;
}

const PHOTOS: readonly PhotoSpec[] = [
  {
    file: 'articles/2024/03/caspian-ferry-schedule.jpg',
    width: 1600,
    height: 900,
    draw: caspianFerry,
  },
  { file: 'articles/2024/05/osh-bazaar-renovation.jpg', width: 1600, height: 1000, draw: bazaar },
  {
    file: 'articles/2024/11/tajik-hydro-winter.jpg',
    width: 1500,
    height: 1000,
    draw: (s) => reservoir(s, true),
  },
  {
    file: 'articles/2025/02/kazakh-grain-corridor.jpg',
    width: 1800,
    height: 1200,
    draw: grainSteppe,
  },
  { file: 'articles/2025/04/bishkek-air-quality.jpg', width: 1600, height: 1000, draw: smogCity },
  {
    file: 'articles/2025/05/water-sharing-syr-darya.jpg',
    width: 1800,
    height: 1200,
    draw: riverValley,
  },
  {
    file: 'articles/2025/05/syr-darya-reservoir.jpg',
    width: 1600,
    height: 1000,
    draw: (s) => reservoir(s, false),
  },
  {
    file: 'articles/2025/07/tajik-kyrgyz-border-markers.jpg',
    width: 1600,
    height: 1000,
    draw: borderValley,
  },
  {
    file: 'articles/2025/08/middle-corridor-logistics.jpg',
    width: 2000,
    height: 1250,
    draw: containerPort,
  },
  {
    file: 'articles/2025/08/middle-corridor-rail.jpg',
    width: 1800,
    height: 1000,
    draw: steppeTrain,
  },
  {
    file: 'articles/2025/10/samarkand-tourism-season.jpg',
    width: 1500,
    height: 1000,
    draw: registan,
  },
  { file: 'articles/2025/12/kyrgyz-gold-output.jpg', width: 1200, height: 800, draw: openPit },
  {
    file: 'articles/2026/01/almaty-metro-extension.jpg',
    width: 1920,
    height: 1080,
    draw: cityDusk,
  },
  { file: 'articles/2026/08/kazakh-nuclear-plant.jpg', width: 1800, height: 1000, draw: lakeShore },
  {
    file: 'articles/2027/03/scheduled-navruz-preview.jpg',
    width: 1600,
    height: 900,
    draw: tulipMeadow,
  },
  { file: 'authors/dana-seitkali.jpg', width: 600, height: 600, draw: portraitWarm },
  { file: 'authors/aibek-toktosunov.jpg', width: 600, height: 600, draw: portraitMountains },
];

/** The SVG document of one photo. */
function photoSvg(spec: PhotoSpec): string {
  const scene = createScene(spec.width, spec.height, spec.file);
  spec.draw(scene);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}">`,
    `<defs>${scene.defs.join('')}</defs>`,
    ...scene.shapes,
    '</svg>',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      only: { type: 'string' },
    },
  });
  const contentDir = resolve(args.content);
  const photos = PHOTOS.filter((spec) => !args.only || spec.file.includes(args.only));
  if (photos.length === 0) throw new Error(`no photo matches --only ${args.only}`);
  for (const spec of photos) {
    const target = join(contentDir, spec.file);
    const jpeg = await sharp(Buffer.from(photoSvg(spec)))
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, jpeg);
    process.stdout.write(
      `${join(args.content, spec.file)}  ${spec.width}×${spec.height}  ${Math.round(jpeg.length / 1024)} KB\n`,
    );
  }
}

await main();

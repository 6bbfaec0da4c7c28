import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // currentColor follows the theme's text colours, and the system's in Windows high-contrast mode.
  line: { color: tokens.colorBrandForeground1, flexShrink: 0, overflow: "visible" },
});

/** The sparkline's box, in px: small enough to sit beside the progress bar at 320 px. */
const WIDTH = 44;
const HEIGHT = 16;
/** Room around the line, so its stroke and the dots are never cut off. */
const PAD = 2;

/** What a sparkline draws: a path per run of values without a gap, and a dot for each value alone between gaps. */
export interface SparklineShape {
  paths: string[];
  dots: { x: number; y: number }[];
}

const rounded = (value: number) => Number(value.toFixed(2));

/**
 * The lines and dots of a sparkline over `values` (oldest first; null is a gap), spread over the box
 * left to right, the smallest value at the bottom and the largest at the top; all equal: across the middle.
 * @example sparklineShape([10, 16, null, 13, null, null]) //=> { paths: ["M2 14L10 2"], dots: [{ x: 26, y: 8 }] }
 */
export function sparklineShape(values: readonly (number | null)[]): SparklineShape {
  const numbers = values.filter((value): value is number => value !== null);
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)];
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const point = (value: number, i: number) => ({
    x: rounded(PAD + i * step),
    y: rounded(high === low ? HEIGHT / 2 : PAD + ((high - value) / (high - low)) * (HEIGHT - 2 * PAD)),
  });
  const runs: { x: number; y: number }[][] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    if (i > 0 && values[i - 1] !== null) runs[runs.length - 1].push(point(value, i));
    else runs.push([point(value, i)]);
  });
  return {
    paths: runs.filter((run) => run.length > 1).map((run) => run.map(({ x, y }, i) => `${i === 0 ? "M" : "L"}${x} ${y}`).join("")),
    dots: runs.filter((run) => run.length === 1).map(([dot]) => dot),
  };
}

/** A small line of a KR's recent values, named in words for screen readers; nothing when no value is a number. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const styles = useStyles();
  if (!values.some((value) => value !== null)) return null;
  const { paths, dots } = sparklineShape(values);
  return (
    <svg className={styles.line} role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false">
      {paths.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {dots.map(({ x, y }) => (
        <circle key={`${x} ${y}`} cx={x} cy={y} r={1.5} fill="currentColor" />
      ))}
    </svg>
  );
}

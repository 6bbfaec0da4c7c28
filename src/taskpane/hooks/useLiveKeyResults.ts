import { useEffect, useState } from "react";
import { LiveKeyResult, OkrWorkbook } from "../../okr/workbook";

/** The built sheet's KRs, re-read whenever the sheet recalculates. */
export function useLiveKeyResults(workbook: OkrWorkbook, title: string | undefined, builds: number): LiveKeyResult[] {
  const [keyResults, setKeyResults] = useState<LiveKeyResult[]>([]);
  useEffect(() => {
    if (!title) return;
    let active = true;
    let stop: (() => Promise<void>) | undefined;
    const refresh = () => workbook.readLive(title).then((krs) => active && setKeyResults(krs), () => undefined);
    refresh();
    workbook.onCalculated(title, refresh).then(
      (remove) => {
        if (active) stop = remove;
        else void remove();
      },
      () => undefined,
    );
    return () => {
      active = false;
      void stop?.();
    };
  }, [workbook, title, builds]);
  return keyResults;
}

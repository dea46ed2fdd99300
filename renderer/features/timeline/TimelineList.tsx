import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TimelineItem } from '../../db/repositories/timeline';
import { TimelineEntry } from './TimelineEntry';

const GAP = 8;

/**
 * The timeline, newest first, virtualized: only entries on screen are in the DOM, and each
 * row is measured (notes can be one line or pages long).
 */
export function TimelineList({
  items,
  onDelete,
  label,
  onEndReached,
}: {
  items: TimelineItem[];
  onDelete: (id: string) => void;
  label: string;
  /** Older entries exist: called when the last entry loaded scrolls into view. */
  onEndReached?: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual is not React-Compiler-memoizable; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 6,
    gap: GAP,
    getItemKey: (index) => items[index]?.id ?? index,
  });

  const virtual = virtualizer.getVirtualItems();
  const lastShown = virtual[virtual.length - 1]?.index ?? -1;
  const atEnd = items.length > 0 && lastShown >= items.length - 1;
  useEffect(() => {
    if (atEnd) onEndReached?.();
  }, [atEnd, onEndReached, items.length]);

  return (
    <div
      ref={scrollRef}
      role="list"
      aria-label={label}
      // A scrolling region: focusable so the keyboard can scroll it (WCAG, axe).
      tabIndex={0}
      data-testid="timeline-list"
      style={{ maxHeight: 'max(360px, calc(100vh - 420px))', overflowY: 'auto', paddingRight: 4 }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtual.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <div
              key={row.key}
              role="listitem"
              data-index={row.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <TimelineEntry item={item} onDelete={onDelete} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

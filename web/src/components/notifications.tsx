import { Notification, Portal, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

interface Note {
  id: number;
  title?: string;
  message: string;
  color: 'green' | 'red' | 'blue' | 'yellow';
}

type Notify = (note: Omit<Note, 'id' | 'color'> & { color?: Note['color'] }) => void;

const NotifyContext = createContext<Notify>(() => undefined);

/** `const notify = useNotify(); notify({ message: 'Saved' })` — a toast in the corner, announced politely. */
export function useNotify(): Notify {
  return useContext(NotifyContext);
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotes((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback<Notify>(
    (note) => {
      const id = nextId.current++;
      setNotes((all) => [...all.slice(-3), { color: 'green', ...note, id }]);
      window.setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          role="status"
          aria-live="polite"
          gap="xs"
          style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1000, maxWidth: 'calc(100vw - 32px)', width: 360 }}
        >
          {notes.map((n) => (
            <Notification
              key={n.id}
              color={n.color}
              title={n.title}
              onClose={() => dismiss(n.id)}
              closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
              withBorder
            >
              {n.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}

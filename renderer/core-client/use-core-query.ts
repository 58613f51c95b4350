import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, MethodName, Output } from '../../shared/contract/methods.ts';
import { CoreClientError } from './core-client-error.ts';
import { useCore } from './CoreProvider.tsx';

export type Loadable<T> =
  | Readonly<{ status: 'loading' }>
  | Readonly<{ status: 'ready'; value: T }>
  | Readonly<{ status: 'failed'; error: CoreClientError }>;

/** Methods that may be called with `{}`: the ones a screen reads without arguments. */
export type QueryMethod = { [M in MethodName]: Record<string, never> extends Input<M> ? M : never }[MethodName];

export type CoreQuery<T> = Readonly<{
  state: Loadable<T>;
  /** Sets a newer value (from an event or a write's answer); a read still in flight no longer applies. */
  replace: (value: T) => void;
  reload: () => void;
}>;

export function asCoreClientError(error: unknown): CoreClientError {
  if (error instanceof CoreClientError) return error;
  return new CoreClientError('internal', error instanceof Error ? error.message : String(error));
}

/** Reads `method` on mount and after every event resync (see `ResyncSource`). */
export function useCoreQuery<M extends QueryMethod>(method: M): CoreQuery<Output<M>> {
  const core = useCore();
  const [state, setState] = useState<Loadable<Output<M>>>({ status: 'loading' });
  // Bumped by every read and every replace: only the latest one may set the state.
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    // QueryMethod guarantees that `{}` is this method's whole input.
    const input = {} as Input<M>;
    void core.call(method, input).then(
      (value) => {
        if (mine === generation.current) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ status: 'failed', error: asCoreClientError(error) });
      },
    );
  }, [core, method]);

  const replace = useCallback((value: Output<M>) => {
    generation.current += 1;
    setState({ status: 'ready', value });
  }, []);

  useEffect(() => {
    reload();
    const stopResync = core.onResync(reload);
    return () => {
      stopResync();
      generation.current += 1;
    };
  }, [core, reload]);

  return { state, replace, reload };
}

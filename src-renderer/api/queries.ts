// Reads go through TanStack Query (cached, deduplicated, refreshed after writes);
// writes call invoke() directly and then invalidate what they changed.
import { QueryClient, hashKey, keepPreviousData, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/catalog';
import { ApiError, invoke, onRefusal } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal is an answer, not a glitch: never retry it.
      retry: (count, error) => !(error instanceof ApiError && error.data.code !== 'internal') && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

/** Query key of a channel read: the channel name, then its input. */
export function channelKey<K extends ChannelName>(channel: K, input?: ChannelInput<K>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

// TanStack hashes a query's key on every render; an order's thousand lines as
// input made that the larger part of a keystroke. Inputs are not changed in place
// (they are memoized or made anew), so the hash is kept per input object. The
// hash is the library's own, so fetchChannel and invalidate find the same query.
const hashes = new WeakMap<object, string>();
function channelHash(key: readonly unknown[]): string {
  const input = key[1];
  if (typeof input !== 'object' || input === null) return hashKey(key);
  let hash = hashes.get(input);
  if (hash === undefined || !hash.startsWith(`["${String(key[0])}",`)) {
    hash = hashKey(key);
    hashes.set(input, hash);
  }
  return hash;
}

export function useChannel<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
  opts: { enabled?: boolean; keepPrevious?: boolean; staleTime?: number; refetchInterval?: number } = {},
): UseQueryResult<ChannelOutput<K>, ApiError> {
  const options: UseQueryOptions<ChannelOutput<K>, ApiError> = {
    queryKey: channelKey(channel, input),
    queryKeyHashFn: channelHash,
    queryFn: () => invoke(channel, input),
    enabled: opts.enabled ?? true,
  };
  if (opts.staleTime !== undefined) options.staleTime = opts.staleTime;
  // A number that changes by others' work (the bell's count) asks again by itself.
  if (opts.refetchInterval !== undefined) options.refetchInterval = opts.refetchInterval;
  // Keep showing the last answer while the next one loads (counts, running totals): no flicker.
  if (opts.keepPrevious) options.placeholderData = keepPreviousData as UseQueryOptions<ChannelOutput<K>, ApiError>['placeholderData'];
  return useQuery(options);
}

/** A read outside a component (e.g. on Enter in a lookup), sharing the cache. */
export function fetchChannel<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  return queryClient.fetchQuery({
    queryKey: channelKey(channel, input),
    queryFn: () => invoke(channel, input),
    staleTime: 5_000,
  });
}

/** After a write: drop every cached read of these channels. */
export function invalidate(...channels: ChannelName[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && channels.includes(q.queryKey[0] as ChannelName),
  });
}

export const useBootstrap = () => useChannel('system.bootstrap', {});
export const useCompany = () => useChannel('company.get', {});
export const useStatuses = () => useChannel('statuses.list', {}, { staleTime: 60_000 });

export const useAuthStatus = () => useChannel('auth.status', {});

// A session that ended (or a workstation where users were just created): ask who is working.
onRefusal((error) => {
  if (error.data.code === 'login_required' && error.channel !== 'auth.status') {
    void queryClient.invalidateQueries({ queryKey: ['auth.status'] });
  }
});

/**
 * The live updates' two variables, read where they are used until they join server/config's table (issue 15 is
 * built in parallel: the operations work adds REDIS_URL there too). A bad value stops the start, naming it.
 */
export type LiveConfig = { redisUrl: string | null; channelPrefix: string };

export function liveConfig(env: Record<string, string | undefined> = process.env): LiveConfig {
  const url = env.REDIS_URL?.trim() || null;
  if (url && !/^rediss?:\/\/[^\s]+$/.test(url)) {
    throw new Error(
      `REDIS_URL="${url}": atteso redis://host:porta o rediss://… / expected redis://host:port or rediss://…`,
    );
  }
  const prefix = env.LIVE_CHANNEL_PREFIX?.trim() || 'cruscotto:';
  return { redisUrl: url, channelPrefix: prefix };
}

import type { Db, Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { type TipKeyring, unwrapKey, wrapKey } from "../crypto/keyring";
import { type Cipher, newDataKey, openJson, seal, sealJson } from "../crypto/seal";

/** A use case that seals or opens tips: the database, the installation's tip keys, and who acts. */
export interface TipCtx extends Ctx {
  keys: TipKeyring;
}

/** The public side: no actor. */
export interface PublicTipCtx {
  db: Db;
  keys: TipKeyring;
}

/** The sealed parts of a tip and its additions and files, each bound to its place by the AAD. */
export const aad = {
  content: (tipId: string) => `tip:${tipId}:content`,
  identity: (tipId: string) => `tip:${tipId}:identity`,
  addition: (tipId: string, id: string) => `tip:${tipId}:addition:${id}`,
  fileName: (tipId: string, id: string) => `tip:${tipId}:file:${id}:name`,
  fileContent: (tipId: string, id: string) => `tip:${tipId}:file:${id}:content`,
};

export interface TipContent {
  text: string;
  /** The organization named when the target is "other". */
  otherTarget?: string;
}

export interface TipIdentity {
  name: string;
  phone: string;
}

/** Fresh data keys for a new tip: content always, identity only when named. */
export function newTipKeys(keys: TipKeyring, cipher: Cipher, tipId: string, named: boolean) {
  const contentKey = newDataKey();
  const identityKey = named ? newDataKey() : null;
  const wrappedContent = wrapKey(keys, cipher, contentKey, aad.content(tipId));
  return {
    contentKey,
    identityKey,
    kekId: wrappedContent.kekId,
    wrappedContentKey: wrappedContent.wrapped,
    wrappedIdentityKey: identityKey ? wrapKey(keys, cipher, identityKey, aad.identity(tipId)).wrapped : null,
  };
}

interface SealedTip {
  id: string;
  cipher: string;
  kekId: string;
  contentKey: Uint8Array;
}

export const contentKeyOf = (keys: TipKeyring, tip: SealedTip) =>
  unwrapKey(keys, tip.cipher as Cipher, tip.kekId, tip.contentKey, aad.content(tip.id));

export const openContent = (keys: TipKeyring, tip: SealedTip & { content: Uint8Array }) =>
  openJson<TipContent>(tip.cipher as Cipher, contentKeyOf(keys, tip), tip.content, aad.content(tip.id));

export function openIdentity(
  keys: TipKeyring,
  tip: SealedTip & { identityKey: Uint8Array | null; identity: Uint8Array | null },
): TipIdentity | null {
  if (!tip.identityKey || !tip.identity) return null;
  const key = unwrapKey(keys, tip.cipher as Cipher, tip.kekId, tip.identityKey, aad.identity(tip.id));
  return openJson<TipIdentity>(tip.cipher as Cipher, key, tip.identity, aad.identity(tip.id));
}

export type { Tx };
export { seal, sealJson };

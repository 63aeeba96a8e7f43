import QRCode from "qrcode";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { announcementContent } from "./announcement-content";
import { renderGongwen } from "./gongwen";
import { roundForDocument } from "./issue-authorization";
import { issueDocument } from "./issue-document";
import { loadRoundSheet } from "./round-sheet";

/** The public tip page of a round (码上巡察), served by the web app: <public base URL>/t/<roundId>. */
export const tipPageUrl = (publicBaseUrl: string, roundId: string) =>
  `${publicBaseUrl.replace(/\/+$/, "")}/t/${roundId}`;

export interface AnnouncementInput {
  phone: string;
  mailbox: string;
  email: string;
  deadline: string;
  /** One group's announcement; the whole round's when absent. */
  groupId?: string | undefined;
  date?: string | undefined;
  /** Where the site is reached from outside, for the QR code. */
  publicBaseUrl: string;
}

/** Issues a round's (or one group's) announcement (巡察公告) with its QR code and the next number. */
export async function issueAnnouncement(ctx: Ctx, roundId: string, input: AnnouncementInput) {
  return ctx.db.transaction(async (tx) => {
    const round = await roundForDocument(tx, ctx.actor, roundId);
    const sheet = await loadRoundSheet(tx, round);
    const group = input.groupId ? sheet.groups.find((g) => g.id === input.groupId) : undefined;
    if (input.groupId && !group) throw new AppError("group.not_found");
    if (!sheet.groups.length) throw new AppError("document.no_groups");
    const date = input.date ?? chinaDate();
    const tipUrl = tipPageUrl(input.publicBaseUrl, round.id);
    const qrPng = await QRCode.toBuffer(tipUrl, {
      type: "png",
      margin: 1,
      width: 360,
      errorCorrectionLevel: "M",
    });
    const content = announcementContent(sheet, {
      ...input,
      date,
      tipUrl,
      qrPng: new Uint8Array(qrPng),
      group,
    });
    return issueDocument(tx, ctx.actor, {
      committeeId: round.committeeId,
      kind: "announcement",
      title: content.title,
      date,
      roundId: round.id,
      groupId: group?.id ?? null,
      fields: {
        phone: input.phone,
        mailbox: input.mailbox,
        email: input.email,
        deadline: input.deadline,
        tipUrl,
      },
      render: (numbered) => renderGongwen(content.gongwen(numbered)),
    });
  });
}

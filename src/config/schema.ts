/**
 * The one settings file (YAML): house style, governance rules, board pack and distribution. Every field has
 * a default so a council starts with an empty file and overrides only what its constitution says.
 */
import { z } from 'zod';
import { DEFAULT_READ_LIMITS } from '../io/read-limits';

const MB = 1024 * 1024;

const HexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RenderSettingsSchema = z
  .object({
    council: z.string().default('Westmorland and Furness Council'),
    font: z.string().default('Arial'),
    fontSize: z.number().min(8).max(24).default(12),
    /** 'section' numbers paragraphs 1.1, 1.2 under numbered headings (seed 000); 'continuous' 1..n (seed 003). */
    paragraphNumbering: z.enum(['section', 'continuous']).default('section'),
    /** How recommendations are numbered: 'paragraph' follows the paragraph scheme; others restart at 1. */
    recommendationNumbering: z.enum(['paragraph', '1.', '(1)', '(a)', 'a)', 'i)', '(i)', 'A.']).default('paragraph'),
    /** Override legend colours by label, e.g. { Amber: "#FFC000" }. */
    legendColours: z.record(z.string(), HexColour).default({}),
    /** A paper at least this many pages long (counted without the list) gets a contents list; 0: always. */
    tocMinPages: z.number().int().min(0).default(4),
    /** The council's logo (PNG, JPEG or SVG; path relative to where cabinet runs): front sheet and running header. */
    logo: z.strictObject({ path: z.string().min(1), alt: z.string().min(1) }).optional(),
    /** House colour for headings and table header rows; darkened (with a warning) where text on it would fall below 4.5:1. */
    brandColour: HexColour.optional(),
    pageSize: z.enum(['A4', 'A3', 'Letter']).default('A4'),
    /**
     * The council's Word template (.dotx or .docx; path relative to the settings file): the DOCX is written into
     * it, in its styles, on its page, under its header and footer; the PDF is set in the same styles.
     */
    wordTemplate: z.string().min(1).optional(),
    /**
     * The council's own font files (TTF/OTF; paths relative to where cabinet runs), used by DOCX and PDF alike:
     * `font` names the family for Word, these files set and embed it in the PDF. Absent: Arimo (Arial's metrics).
     */
    fontFiles: z
      .strictObject({ regular: z.string().min(1), bold: z.string().min(1).optional(), italic: z.string().min(1).optional(), boldItalic: z.string().min(1).optional() })
      .optional(),
    /** Money in tables and in text ({{plan.finance}}): £'000 with (brackets) for negatives, or whole pounds. */
    money: z.enum(['thousands', 'pounds']).default('thousands'),
  })
  .prefault({});

export const GovernanceSettingsSchema = z
  .object({
    region: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).default('england-and-wales'),
    agendaClearWorkingDays: z.number().int().min(0).default(5),
    keyDecisionNoticeClearDays: z.number().int().min(0).default(28),
    callIn: z
      .object({
        workingDays: z.number().int().min(0).default(5),
        /** 24h "HH:MM"; "24:00" means midnight at the end of the last day. */
        cutOff: z.string().regex(/^\d{2}:\d{2}$/).default('24:00'),
      })
      .prefault({}),
    /** Key-decision spend/savings threshold in pounds (reg 8 of SI 2012/2089; set per council). */
    keyDecisionThreshold: z.number().min(0).default(500000),
    closureDays: z.array(IsoDate).default([]),
    /** Bank holidays announced after this release (a one-off like 2022-09-19). */
    extraBankHolidays: z.array(IsoDate).default([]),
    /** Bank holidays that were moved or cancelled. */
    removedBankHolidays: z.array(IsoDate).default([]),
  })
  .prefault({});

export const BoardPackSettingsSchema = z
  .object({
    board: z.string().default('Improvement Board'),
    /** Folders searched for plan workbooks when no plans are named. */
    planFolders: z.array(z.string()).default(['data']),
    historyDir: z.string().default('data/history'),
    /** Distribution list `cabinet monthly` sends the pack to. */
    sendTo: z.string().optional(),
    /** Send a pack even when some plans could not be read (as --send-partial). */
    sendPartial: z.boolean().default(false),
  })
  .prefault({});

export const RecipientSchema = z.object({ name: z.string().optional(), email: z.string().email() });

export const DistributionListSchema = z.object({
  name: z.string(),
  recipients: z.array(RecipientSchema).min(1),
  /** Only lists cleared for exempt (Schedule 12A) papers may receive them. */
  exemptCleared: z.boolean().default(false),
});

export const DeliverySettingsSchema = z
  .object({
    lists: z.array(DistributionListSchema).default([]),
    smtp: z
      .object({
        host: z.string().default('localhost'),
        port: z.number().int().default(587),
        secure: z.boolean().default(false),
        user: z.string().optional(),
        from: z.string().default('Democratic Services <democratic.services@example.gov.uk>'),
        /** Waits so a silent or dropped server fails in seconds (README "When the mail server fails"). */
        connectionTimeoutMs: z.number().int().min(1000).default(15000),
        greetingTimeoutMs: z.number().int().min(1000).default(15000),
        socketTimeoutMs: z.number().int().min(1000).default(15000),
      })
      .prefault({}),
    /** Attachments larger than this (bytes, all together) are replaced by a link to where the paper is published. */
    attachmentLimitBytes: z.number().int().min(0).default(10 * 1024 * 1024),
    publishedUrlBase: z.string().optional(),
    /** Default: send-ledger.jsonl beside the settings file, never under output/ (clearing output/ must not forget sends). */
    ledger: z.string().optional(),
    /** Longest a whole send may take; what is not sent by then is recorded as not sent. */
    deadlineSeconds: z.number().int().min(1).default(600),
    outbox: z.string().default('output/outbox'),
    /** Attempts per recipient for 4xx replies, with doubling delays (a timeout or drop is never retried in the same run). */
    retry: z.object({ attempts: z.number().int().min(1).max(10).default(4), baseDelayMs: z.number().int().min(0).default(2000) }).prefault({}),
    /** Lock file that keeps two runs from overlapping; default: the ledger's path + ".lock", the lock every send takes. */
    lockFile: z.string().optional(),
    /** A lock left by another host (whose process cannot be checked) is taken over after this many hours. */
    lockStaleHours: z.number().min(1).default(24),
  })
  .prefault({});

/**
 * One status word of the council's key (`legend:`), refining the plan's own key (or standing in for it when a
 * workbook has none): its colour, severity rank (0 worst), whether it means complete, whether the board pack
 * lists it as an exception, and other spellings accepted in status cells.
 */
export const LegendSettingSchema = z.strictObject({
  label: z.string().min(1),
  meaning: z.string().optional(),
  colour: HexColour.optional(),
  rank: z.number().int().min(0).optional(),
  complete: z.boolean().optional(),
  exception: z.boolean().optional(),
  aliases: z.array(z.string().min(1)).optional(),
});

/**
 * Bounds on every read (brief: no input may hang or exhaust memory). Sizes in MB; the defaults live with
 * the readers (src/io/read-limits.ts) so a library user gets the same ones without a settings file.
 */
export const LimitsSettingsSchema = z
  .strictObject({
    /** Workbooks and font files. */
    maxFileMB: z.number().positive().default(DEFAULT_READ_LIMITS.maxFileBytes / MB),
    /** Markdown and YAML: reports, decision records, meeting files, templates (the settings file: 1 MB, fixed). */
    maxTextMB: z.number().positive().default(DEFAULT_READ_LIMITS.maxTextBytes / MB),
    /** Images in reports and the council's logo. */
    maxImageMB: z.number().positive().default(DEFAULT_READ_LIMITS.maxImageBytes / MB),
    zipMaxEntries: z.number().int().min(1).default(DEFAULT_READ_LIMITS.zipMaxEntries),
    zipMaxUncompressedMB: z.number().positive().default(DEFAULT_READ_LIMITS.zipMaxUncompressedBytes / MB),
    zipMaxRatio: z.number().min(1).default(DEFAULT_READ_LIMITS.zipMaxRatio),
    xmlMaxDepth: z.number().int().min(8).default(DEFAULT_READ_LIMITS.xmlMaxDepth),
  })
  .prefault({});

export const PathsSettingsSchema = z
  .strictObject({
    /**
     * Folders (relative to where cabinet runs) that every file a command reads must lie in: the documents
     * named on the command line, workbooks in front matter, reports in meeting files, images, the logo,
     * font files and a council's templates (our own templates and fonts excepted); empty: anywhere.
     * For a shared build server: e.g. [data, /srv/plans].
     */
    readRoots: z.array(z.string().min(1)).default([]),
  })
  .prefault({});

export const WorkbookSettingsSchema = z
  .strictObject({
    /** Read sheets and rows hidden in Excel too (by default they are left out with a warning). */
    includeHidden: z.boolean().default(false),
  })
  .prefault({});

export const ConfigSchema = z.object({
  limits: LimitsSettingsSchema,
  paths: PathsSettingsSchema,
  workbooks: WorkbookSettingsSchema,
  /** The council's status key; empty: each workbook's own key, else the standard BRAG legend. */
  legend: z.array(LegendSettingSchema).default([]),
  render: RenderSettingsSchema,
  governance: GovernanceSettingsSchema,
  boardPack: BoardPackSettingsSchema,
  delivery: DeliverySettingsSchema,
});
export type Config = z.infer<typeof ConfigSchema>;
export type RenderSettings = Config['render'];
export type GovernanceSettings = Config['governance'];
export type BoardPackSettings = Config['boardPack'];
export type DeliverySettings = Config['delivery'];
export type LimitsSettings = Config['limits'];

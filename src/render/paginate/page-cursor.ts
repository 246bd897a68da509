import type { PageFrame } from './frame';
import type { Item, ParaItem } from './items';
import type { Box, OutlineEntry, Page, TextBox } from './page-model';

/** A contents entry's page-number slot, filled once every heading has its page. */
export interface NumberSlot {
  leader: TextBox;
  number: TextBox;
  /** Where the entry's text ends on its last line. */
  lineEnd: number;
  item: ParaItem;
}

/**
 * Where placement has got to: the pages so far, the current one and the height used on it, and what the
 * later steps need from placement (each heading's page, the contents entries' number slots).
 */
export class PageCursor {
  readonly pages: Page[] = [];
  /** 1-based page each heading starts on. */
  readonly headingPages: Record<string, number> = {};
  readonly numberSlots: NumberSlot[] = [];
  page!: Page;
  frame!: PageFrame;
  private sectionIndex = 0;
  y = 0;
  /** Space after the last thing placed; the next paragraph's space before collapses into it. */
  prevAfter = 0;
  /** Nothing placed on this page yet: no space before, and anything goes on it even if it is too tall. */
  empty = true;
  /** The page each heading's mark is on, so a heading moved by a page break is unmarked in one place. */
  private readonly headingPage = new Map<string, Page>();


  /** The current page's text box, top and bottom. */
  top = 0;
  bottom = 0;

  get left(): number {
    return this.frame.left;
  }

  /**
   * The page was started by a section break, not by text running over: Word and LibreOffice keep the first
   * paragraph's space before there (a DOCX section break is a hard break), where they drop it after a
   * natural page break.
   */
  private afterSectionBreak = false;

  /** A section starts on a new page of its own frame. */
  startSection(frame: PageFrame, index: number): void {
    this.frame = frame;
    this.sectionIndex = index;
    this.newPage();
    this.afterSectionBreak = index > 0;
  }

  newPage(): void {
    this.page = { width: this.frame.width, height: this.frame.height, section: this.sectionIndex, boxes: [], outline: [] };
    this.pages.push(this.page);
    this.top = this.frame.top(this.pages.length);
    this.bottom = this.frame.bottom(this.pages.length);
    this.y = this.top;
    this.prevAfter = 0;
    this.empty = true;
    this.afterSectionBreak = false;
  }

  push(...boxes: Box[]): void {
    this.page.boxes.push(...boxes);
  }

  gapBefore(item: Item): number {
    if (this.empty) return this.afterSectionBreak && item.kind === 'para' ? item.fmt.before : 0;
    if (item.kind === 'para') return Math.max(this.prevAfter, item.fmt.before);
    return this.prevAfter;
  }

  /** The heading starts here (`gap` below the current position); marking it again moves it. */
  markHeading(item: ParaItem, gap: number): void {
    const h = item.heading!;
    this.headingPages[h.id] = this.pages.length;
    const entry: OutlineEntry = { id: h.id, title: h.title, level: h.level, y: this.y + gap, listed: h.listed };
    // Re-marking after a page break moves the heading: drop the earlier mark from the page that had it.
    const earlier = this.headingPage.get(h.id);
    if (earlier) earlier.outline = earlier.outline.filter((o) => o.id !== h.id);
    this.page.outline.push(entry);
    this.headingPage.set(h.id, this.page);
  }
}

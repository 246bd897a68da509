import { ConcreteHyperlink, type IContext, type IXmlableObject, type ParagraphChild } from 'docx';

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
/** docx keeps a fragment of up to 255 characters as the link's w:anchor, as Word does. */
const MAX_ANCHOR = 255;

/**
 * An external hyperlink whose relationship id is given (DocumentIds.nextLink) instead of docx's random
 * one, so the same layout gives the same bytes. It registers its own relationship, as docx's
 * ExternalHyperlink does, once, in the part it is written in.
 */
export class StableExternalHyperlink extends ConcreteHyperlink {
  private registered = false;
  private readonly target: string;

  constructor(children: readonly ParagraphChild[], relationshipId: string, link: string) {
    const hash = link.indexOf('#');
    const fragment = hash > 0 ? link.slice(hash + 1) : '';
    const anchor = fragment.length > 0 && fragment.length <= MAX_ANCHOR ? fragment : undefined;
    super(children, relationshipId, anchor, link);
    this.target = anchor === undefined ? link : link.slice(0, hash);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    if (!this.registered) {
      context.viewWrapper.Relationships.addRelationship(this.linkId, HYPERLINK, this.target, 'External');
      this.registered = true;
    }
    return super.prepForXml(context);
  }
}

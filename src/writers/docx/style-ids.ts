/** The style ids the body is written in: see src/readers/word-template/style-roles.ts. */
export { OUR_STYLE_IDS, type StyleIds } from '../../readers/word-template/style-roles';

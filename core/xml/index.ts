export { xmlAttr, xmlText } from './xml-escape.ts';

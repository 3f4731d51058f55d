/**
 * Reads the file of a draft plan an editor uploads (.docx or UTF-8 text) into sections
 * (app/domain/plan-parser.ts), with every section's HTML passed through one allowlist.
 *
 * - .docx: must be a ZIP ("PK\x03\x04") that mammoth can read; its HTML (headings, paragraphs,
 *   lists, tables; images are not converted) is sanitised, then split by parsePlanHtml.
 * - .txt: UTF-8 (a BOM is fine; UTF-16 with a BOM, as Word's "Unicode text", too). Other
 *   encodings are refused rather than guessed: Windows-1250 and ISO-8859-16 differ exactly on
 *   ș and ț, and a wrong guess would corrupt the text silently.
 * - anything else, a PDF whatever its name, more than 10 MB, or no text at all: PlanFileError.
 */
import mammoth from 'mammoth'
import sanitizeHtml from 'sanitize-html'
import { parsePlanHtml, parsePlanText, PLAN_HTML_TAGS, type ParsedPlan } from '~/domain/plan-parser'

export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024

export const PLAN_FILE_ERROR_CODES = ['unsupported_type', 'unreadable_docx', 'not_utf8', 'empty', 'too_large'] as const
export type PlanFileErrorCode = (typeof PLAN_FILE_ERROR_CODES)[number]

export class PlanFileError extends Error {
  constructor(
    readonly code: PlanFileErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'PlanFileError'
  }
}

/** colspan / rowspan survive only as small positive integers. */
function cellAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {}
  for (const name of ['colspan', 'rowspan']) {
    const value = attribs[name]?.trim()
    if (value && /^[1-9]\d{0,2}$/.test(value)) kept[name] = value
  }
  return { tagName, attribs: kept }
}

const SANITISE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...PLAN_HTML_TAGS],
  allowedAttributes: { td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: [],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Dropped with their content (other disallowed tags are unwrapped and keep their text).
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'template',
    'iframe',
    'object',
    'svg',
    'math',
  ],
  transformTags: { td: cellAttributes, th: cellAttributes },
}

/**
 * The HTML of a plan through the allowlist: text tags, lists, tables and headings; no attribute
 * but colspan/rowspan; no links, images, styles or scripts (their text stays, scripts' does not).
 */
export function sanitisePlanHtml(html: string): string {
  return sanitizeHtml(html, SANITISE_OPTIONS)
}

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? ''

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // "%PDF-"

function decodeText(bytes: Uint8Array): string {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null
  let text: string
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new PlanFileError(
      'not_utf8',
      'The file is not UTF-8 text. Save it again as "Text (UTF-8)" (or upload the .docx) so that ș, ț, ă, â, î are kept.',
    )
  }
  if (text.includes('\u0000')) {
    throw new PlanFileError(
      'not_utf8',
      'The file is not text (it contains binary data). Upload the .docx or a UTF-8 text.',
    )
  }
  return text
}

async function docxHtml(bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new PlanFileError(
      'unreadable_docx',
      'The file is not a Word document (.docx): its content is not a .docx archive.',
    )
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        // Images are not part of a plan's text: never decoded nor embedded.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    )
    return result.value
  } catch {
    throw new PlanFileError(
      'unreadable_docx',
      'The Word document could not be read. Open it in Word and save it again as .docx.',
    )
  }
}

function checked(plan: ParsedPlan): ParsedPlan {
  if (!plan.title && !plan.sections.length) throw new PlanFileError('empty', 'The file has no text.')
  return { title: plan.title, sections: plan.sections.map((s) => ({ ...s, html: sanitisePlanHtml(s.html) })) }
}

/** The sections of an uploaded plan file; PlanFileError (with a code) when it cannot be read. */
export async function readPlanFile(file: { name: string; bytes: Uint8Array }): Promise<ParsedPlan> {
  const { bytes } = file
  if (bytes.byteLength > MAX_PLAN_FILE_BYTES) {
    throw new PlanFileError('too_large', `The file is larger than ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB.`)
  }
  if (bytes.byteLength === 0) throw new PlanFileError('empty', 'The file is empty.')
  const extension = extensionOf(file.name)
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new PlanFileError(
      'unsupported_type',
      'This is a PDF file. Upload the plan as a Word document (.docx) or text (.txt).',
    )
  }
  switch (extension) {
    case 'docx':
      return checked(parsePlanHtml(sanitisePlanHtml(await docxHtml(bytes))))
    case 'txt':
    case 'text':
      return checked(parsePlanText(decodeText(bytes)))
    case 'doc':
      throw new PlanFileError('unsupported_type', 'Old Word documents (.doc) cannot be read: save the plan as .docx.')
    default:
      throw new PlanFileError(
        'unsupported_type',
        `Files of type "${extension ? `.${extension}` : file.name}" cannot be read: upload a Word document (.docx) or text (.txt).`,
      )
  }
}

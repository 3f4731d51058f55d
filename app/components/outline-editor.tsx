import { useTranslation } from 'react-i18next'

export type OutlineSection = { number: string | null; heading: string; level: number; text: string }

/**
 * The imported outline, editable before saving: number, heading and level of each section, and
 * "merge into the previous section" for a line wrongly taken for a heading. Plain inputs: it
 * works without JavaScript and with the keyboard.
 */
export function OutlineEditor({ sections }: { sections: OutlineSection[] }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="outline-editor">
        <caption>{t('plans.import.outlineCaption', { count: sections.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.import.number')}</th>
            <th scope="col">{t('plans.import.heading')}</th>
            <th scope="col">{t('plans.import.level')}</th>
            <th scope="col">{t('plans.import.merge')}</th>
            <th scope="col">{t('plans.import.excerpt')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s, i) => (
            <tr key={i} className={`outline-level-${Math.min(s.level, 4)}`}>
              <td>
                <input
                  name={`number-${i}`}
                  defaultValue={s.number ?? ''}
                  aria-label={t('plans.import.numberOf', { index: i + 1 })}
                  size={10}
                />
              </td>
              <td>
                <input
                  name={`heading-${i}`}
                  defaultValue={s.heading}
                  aria-label={t('plans.import.headingOf', { index: i + 1 })}
                />
              </td>
              <td>
                <select
                  name={`level-${i}`}
                  defaultValue={String(Math.min(s.level, 4))}
                  aria-label={t('plans.import.levelOf', { index: i + 1 })}
                >
                  {[1, 2, 3, 4].map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {i > 0 ? (
                  <input type="checkbox" name={`merge-${i}`} aria-label={t('plans.import.mergeOf', { index: i + 1 })} />
                ) : null}
              </td>
              <td className="excerpt">
                {s.text.slice(0, 160)}
                {s.text.length > 160 ? '…' : ''}
                <span className="muted"> ({t('plans.import.chars', { count: s.text.length })})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Where the plan's text comes from: a .docx or .txt file, or pasted text. */
export function PlanSourceFields() {
  const { t } = useTranslation()
  return (
    <fieldset className="field">
      <legend>{t('plans.import.source')}</legend>
      <div className="field">
        <label htmlFor="plan-file">{t('plans.import.file')}</label>
        <p id="plan-file-hint" className="hint">
          {t('plans.import.fileHint')}
        </p>
        <input
          id="plan-file"
          name="file"
          type="file"
          accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby="plan-file-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="plan-text">{t('plans.import.text')}</label>
        <textarea id="plan-text" name="text" rows={8} />
      </div>
    </fieldset>
  )
}

/** The outline found in the text, carried to the save step, editable, with its save button. */
export function OutlinePreview(props: {
  sections: OutlineSection[]
  sourceFileName: string | null
  saveLabel: string
}) {
  return (
    <>
      <input type="hidden" name="outline" value={JSON.stringify(props.sections)} />
      <input type="hidden" name="sourceFileName" value={props.sourceFileName ?? ''} />
      <OutlineEditor sections={props.sections} />
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button">
          {props.saveLabel}
        </button>
      </div>
    </>
  )
}

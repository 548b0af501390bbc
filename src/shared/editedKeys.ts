/**
 * The fields a record's update may change, from the contract's update input (its keys
 * but `id` and the edit `version`): the core merges them over the stored row, the forms
 * edit and send them, so a field added to the contract reaches both without another list.
 */
export function editedKeys<Shape extends Record<string, unknown>>(input: {
  shape: Shape
}): Exclude<keyof Shape & string, 'id' | 'version'>[] {
  return Object.keys(input.shape).filter((key) => key !== 'id' && key !== 'version') as Exclude<
    keyof Shape & string,
    'id' | 'version'
  >[]
}

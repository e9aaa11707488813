import { InputError, isError } from '@backstage/errors';

/**
 * An entity named in a query or body that the catalog does not have (or the caller may not
 * read) is bad input, a 400 naming the field, where the same entity in the path is a missing
 * resource (404).
 */
export async function unknownRefAsInputError<T>(
  field: string,
  answer: Promise<T>,
): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') {
      throw new InputError(`${field}: ${error.message}`);
    }
    throw error;
  }
}

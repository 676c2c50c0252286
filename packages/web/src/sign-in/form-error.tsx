/** Read out as soon as it appears (role="alert"), and shown beside the form it is about. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

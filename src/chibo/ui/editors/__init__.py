"""One record's form (a member, a document, a session with its roll, agenda and speeches, a plan,
an outreach activity), each an `EditorDialog` (`base`) that saves on the write worker."""

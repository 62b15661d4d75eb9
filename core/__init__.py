"""What every app stands on and none owns: the roles, the services' typed refusals, the admin's
shared bases and the REST plumbing (core.api). It imports no app of this project."""

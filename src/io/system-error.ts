/**
 * What the operating system said, in words a council officer can act on: never "EACCES" or "ENOSPC".
 * `doing` is what we were trying to do with the path.
 */
export function systemErrorWords(e: unknown, doing: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return doing === 'read' ? 'permission denied: this user may not read it' : 'permission denied: this user may not write there';
    case 'EROFS':
      return 'it is on a read-only disk';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENOENT':
      return doing === 'read' ? 'file not found' : 'its folder does not exist';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'EISDIR':
      return 'it is a folder';
    case 'EEXIST':
      return 'something already exists at that name';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EFBIG':
      return "file too large: this system's file-size limit stops it";
    case 'ELOOP':
      return 'its path has a loop of symbolic links';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'EBUSY':
      return 'the file is in use by another program';
    default:
      return doing === 'read' ? 'the system could not read it' : 'the system could not write it';
  }
}

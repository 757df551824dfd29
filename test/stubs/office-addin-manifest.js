// office-addin-mock only reads the host names from office-addin-manifest; the real module pulls an ESM-only
// dependency that Jest on Node 20 cannot require (docs/stack-notes.md §3.10).
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};

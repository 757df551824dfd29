/**
 * The ribbon's function file (FunctionFile in manifest.xml). The only button opens the task pane (ShowTaskpane), so
 * there is nothing to run here; Office still loads this page and waits for Office.onReady.
 */
Office.onReady(() => undefined);

// The interface's fonts, bundled so no language renders as empty boxes on a machine without them (a fresh Linux
// has no Thai or Arabic font). Only the weights styles.css uses: 400 text, 600 labels, 700 headings. Each face has
// a unicode-range, so a page downloads only the files its text needs. Adding a language whose script Noto Sans
// lacks: import its Noto family here and add it to font-family in styles.css.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import '@fontsource/noto-sans-thai/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import '@fontsource/noto-sans-arabic/700.css';

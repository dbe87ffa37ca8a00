/**
 * Prettier for the repository's code (`npm run format`; `npm test` checks it). The settings are
 * the style the code was written in: four spaces, double quotes, semicolons, lines up to 120
 * characters, `x => …` without parentheses. Trailing commas and everything else are Prettier's
 * defaults (the other choices changed as many lines). What it leaves alone: .prettierignore.
 *
 * @type {import("prettier").Config}
 */
export default {
    printWidth: 120,
    tabWidth: 4,
    arrowParens: "avoid",
};

// dist/wordpress.global.js: <script src=".../wordpress.global.js"> after charto's loader. Options, if any, from
// <script type="application/json" id="charto-wordpress">.
import { attachToPage } from './attach.js'
import { bridgeWordPress, type WordPressOptions } from './wordpress.js'
import { optionsFrom } from './options-element.js'

attachToPage((manager) => bridgeWordPress(manager, optionsFrom<WordPressOptions>('charto-wordpress')))

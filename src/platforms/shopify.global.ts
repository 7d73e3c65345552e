// dist/shopify.global.js: <script src=".../shopify.global.js"> after charto's loader. Options, if any, from
// <script type="application/json" id="charto-shopify">.
import { attachToPage } from './attach.js'
import { bridgeShopify, type ShopifyOptions } from './shopify.js'
import { optionsFrom } from './options-element.js'

attachToPage((manager) => bridgeShopify(manager, optionsFrom<ShopifyOptions>('charto-shopify')))

// Spanish. Register it with `translations: { es }`.
import type { Dictionary } from './en.js'

const es: Dictionary = {
  banner: {
    title: "Respetamos tu privacidad",
    description: "Usamos cookies y tecnologías similares para que este sitio funcione. Con tu consentimiento, también las usamos para medirlo y mejorarlo y para mostrar anuncios relevantes. Puedes cambiar tu elección en cualquier momento.",
    notice: "Nosotros y nuestros socios usamos cookies para que este sitio funcione, medirlo y mostrar anuncios relevantes. Puedes oponerte en cualquier momento a la venta o el intercambio de tu información personal.",
    acceptAll: "Aceptar todo",
    rejectAll: "Rechazar todo",
    preferences: "Preferencias",
    privacyPolicy: "Política de privacidad"
  },
  preferences: {
    title: "Preferencias de cookies",
    description: "Elige qué cookies podemos usar. Puedes cambiar tu elección en cualquier momento.",
    acceptAll: "Aceptar todo",
    rejectAll: "Rechazar todo",
    save: "Guardar selección",
    close: "Cerrar",
    saved: "Preferencias guardadas",
    alwaysOn: "Siempre activas",
    details: "Servicios y cookies",
    cookies: "Cookies",
    name: "Nombre",
    provider: "Proveedor",
    purpose: "Finalidad",
    duration: "Duración",
    party: "Tipo",
    firstParty: "Propia",
    thirdParty: "De terceros",
    gpc: "Tu navegador envió una señal de exclusión (Global Privacy Control). La hemos respetado: no vendemos ni compartimos tu información personal.",
    doNotSell: "No vender ni compartir mi información personal",
    consentId: "Tu identificador de consentimiento: {id}",
    receipt: "Ver el justificante de tu consentimiento"
  },
  categories: {
    necessary: { label: "Necesarias", description: "Imprescindibles para que el sitio funcione, para la seguridad y para recordar tus opciones de privacidad. No se pueden desactivar." },
    functional: { label: "Funcionales", description: "Recuerdan tus ajustes, como el idioma o la región, y activan funciones adicionales." },
    performance: { label: "Analíticas", description: "Nos ayudan a entender cómo se usa el sitio para poder medirlo y mejorarlo." },
    marketing: { label: "Marketing", description: "Las usamos nosotros y nuestros socios para mostrar anuncios relevantes y medir su eficacia." }
  },
  placeholder: {
    text: "Este contenido de {service} ({category}) está bloqueado hasta que lo permitas.",
    load: "Cargar este contenido",
    preferences: "Preferencias"
  }
}

export default es

// Portuguese. Register it with `translations: { pt }`.
import type { Dictionary } from './en.js'

const pt: Dictionary = {
  banner: {
    title: "Respeitamos a sua privacidade",
    description: "Utilizamos cookies e tecnologias semelhantes para fazer funcionar este site. Com o seu consentimento, também os utilizamos para o medir e melhorar e para mostrar anúncios relevantes. Pode alterar a sua escolha a qualquer momento.",
    notice: "Nós e os nossos parceiros utilizamos cookies para fazer funcionar este site, medi-lo e mostrar anúncios relevantes. Pode opor-se a qualquer momento à venda ou partilha dos seus dados pessoais.",
    acceptAll: "Aceitar tudo",
    rejectAll: "Rejeitar tudo",
    preferences: "Preferências",
    privacyPolicy: "Política de privacidade"
  },
  preferences: {
    title: "Preferências de cookies",
    description: "Escolha os cookies que podemos utilizar. Pode alterar a sua escolha a qualquer momento.",
    acceptAll: "Aceitar tudo",
    rejectAll: "Rejeitar tudo",
    save: "Guardar escolhas",
    close: "Fechar",
    saved: "Preferências guardadas",
    alwaysOn: "Sempre ativos",
    details: "Serviços e cookies",
    cookies: "Cookies",
    name: "Nome",
    provider: "Fornecedor",
    purpose: "Finalidade",
    duration: "Duração",
    party: "Tipo",
    firstParty: "Próprio",
    thirdParty: "De terceiros",
    gpc: "O seu navegador enviou um sinal de oposição (Global Privacy Control). Respeitámo-lo: não vendemos nem partilhamos os seus dados pessoais.",
    doNotSell: "Não vender nem partilhar os meus dados pessoais",
    consentId: "O ID do seu consentimento: {id}",
    receipt: "Ver o comprovativo do seu consentimento"
  },
  categories: {
    necessary: { label: "Necessários", description: "Essenciais para o funcionamento do site, para a segurança e para memorizar as suas escolhas de privacidade. Não podem ser desativados." },
    functional: { label: "Funcionais", description: "Memorizam as suas definições, como o idioma ou a região, e ativam funcionalidades adicionais." },
    performance: { label: "Desempenho", description: "Ajudam-nos a perceber como os visitantes utilizam o site, para o medirmos e melhorarmos." },
    marketing: { label: "Marketing", description: "Utilizados por nós e pelos nossos parceiros para mostrar anúncios relevantes e medir a sua eficácia." }
  },
  placeholder: {
    text: "Este conteúdo de {service} ({category}) está bloqueado até que o permita.",
    load: "Carregar este conteúdo",
    preferences: "Preferências"
  }
}

export default pt

/** GraphQL documents of the Vendure Admin API the connector uses (Vendure 3.x + OrderBridge plugin). */

const ERROR = '... on ErrorResult { errorCode message }';
export const ORDER_FIELDS = `id code state updatedAt totalWithTax currencyCode
  customFields { orderBridgeOrderId amazonOrderId }`;
const EVENT_FIELDS = `${ORDER_FIELDS}
  fulfillments { id state method trackingCode createdAt updatedAt
    lines { orderLineId quantity } }
  lines { id quantity productVariant { sku } customFields { amazonOrderItemId } }`;

export const Q = {
  test: `query OrderBridgeTest { activeChannel { id code defaultCurrencyCode } }`,
  findOrder: `query OrderBridgeFindOrder($id: String!) {
    orders(options: { filter: { orderBridgeOrderId: { eq: $id } }, take: 2 }) { items { ${ORDER_FIELDS} } } }`,
  order: `query OrderBridgeOrder($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
  pollOrders: `query OrderBridgePoll($filter: OrderFilterParameter!, $skip: Int!, $take: Int!) {
    orders(options: { filter: $filter, sort: { updatedAt: ASC }, skip: $skip, take: $take }) {
      totalItems items { ${EVENT_FIELDS} } } }`,
  variants: (extra: string) => `query OrderBridgeVariants($filter: ProductVariantFilterParameter!, $take: Int!) {
    productVariants(options: { filter: $filter, take: $take }) {
      items { id sku name trackInventory stockLevels { stockOnHand stockAllocated } ${extra} } } }`,
  updatedVariants: `query OrderBridgeUpdatedVariants($filter: ProductVariantFilterParameter!, $skip: Int!, $take: Int!) {
    productVariants(options: { filter: $filter, sort: { updatedAt: ASC }, skip: $skip, take: $take }) {
      items { id sku name updatedAt trackInventory stockLevels { stockOnHand stockAllocated } } } }`,
  createDraft: `mutation OrderBridgeCreateDraft { createDraftOrder { id code } }`,
  deleteDraft: `mutation OrderBridgeDeleteDraft($id: ID!) { deleteDraftOrder(orderId: $id) { result message } }`,
  setOrderFields: `mutation OrderBridgeSetFields($id: ID!, $input: UpdateOrderInput!) {
    setDraftOrderCustomFields(orderId: $id, input: $input) { id } }`,
  addItem: `mutation OrderBridgeAddItem($id: ID!, $input: AddItemToDraftOrderInput!) {
    addItemToDraftOrder(orderId: $id, input: $input) { __typename ... on Order { id } ${ERROR} } }`,
  setCustomer: `mutation OrderBridgeSetCustomer($id: ID!, $customerId: ID, $input: CreateCustomerInput) {
    setCustomerForDraftOrder(orderId: $id, customerId: $customerId, input: $input) {
      __typename ... on Order { id } ${ERROR} } }`,
  customerByEmail: `query OrderBridgeCustomer($email: String!) {
    customers(options: { filter: { emailAddress: { eq: $email } }, take: 1 }) { items { id } } }`,
  shippingAddress: `mutation OrderBridgeShipTo($id: ID!, $input: CreateAddressInput!) {
    setDraftOrderShippingAddress(orderId: $id, input: $input) { id } }`,
  billingAddress: `mutation OrderBridgeBillTo($id: ID!, $input: CreateAddressInput!) {
    setDraftOrderBillingAddress(orderId: $id, input: $input) { id } }`,
  shippingMethods: `query OrderBridgeShippingMethods($id: ID!) {
    eligibleShippingMethodsForDraftOrder(orderId: $id) { id code name } }`,
  setShippingMethod: `mutation OrderBridgeSetShipping($id: ID!, $methodId: ID!) {
    setDraftOrderShippingMethod(orderId: $id, shippingMethodId: $methodId) {
      __typename ... on Order { id } ${ERROR} } }`,
  setCharges: `mutation OrderBridgeCharges($id: ID!, $charges: [OrderBridgeChargeInput!]!) {
    orderBridgeSetOrderCharges(orderId: $id, charges: $charges) { id totalWithTax } }`,
  transition: `mutation OrderBridgeTransition($id: ID!, $state: String!) {
    transitionOrderToState(id: $id, state: $state) {
      __typename ... on Order { id state } ... on OrderStateTransitionError { errorCode message transitionError } } }`,
  addPayment: `mutation OrderBridgePay($input: ManualPaymentInput!) {
    addManualPaymentToOrder(input: $input) { __typename ... on Order { id state } ${ERROR} } }`,
  addNote: `mutation OrderBridgeNote($input: AddNoteToOrderInput!) { addNoteToOrder(input: $input) { id } }`,
  cancel: `mutation OrderBridgeCancel($input: CancelOrderInput!) {
    cancelOrder(input: $input) { __typename ... on Order { id state } ${ERROR} } }`,
  adjustStock: `mutation OrderBridgeAdjustStock($variantId: ID!, $delta: Int!, $key: String!) {
    orderBridgeAdjustStock(variantId: $variantId, delta: $delta, key: $key) { applied stockOnHand saleable } }`,
};
